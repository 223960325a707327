import { Injectable } from '@nestjs/common';
import {
  assertCanQualityAssure,
  assertCompleteAssessment,
  AuthError,
  CATEGORY_LABELS,
  creditsAwarded,
  criteriaOf,
  moduleProgress,
  OcnError,
  parseDecisions,
  parseEvidence,
  parseModuleInput,
  type AuthUser,
  type ModuleSummaryView,
  type OcnModule,
  type PortfolioView,
  isUuid,
} from '@digihjalpen/domain';
import { currentTime } from '../../common/clock';
import { heading, renderPdf } from '../../common/pdf';
import { AuditService } from '../audit/audit.service';
import { HoursRepository } from '../hours/hours.repository';
import { OcnRepository } from './ocn.repository';

const EVIDENCE_BY_HELPER = new Set(['hours', 'visit-statistics', 'reflection']);
const KIND_NAMES: Record<string, string> = {
  hours: 'Godkända timmar',
  'visit-statistics': 'Statistik över egna besök',
  reflection: 'Reflektion',
  'witness-statement': 'Vittnesintyg',
  observation: 'Observation',
};

@Injectable()
export class OcnService {
  constructor(
    private readonly repo: OcnRepository,
    private readonly hours: HoursRepository,
    private readonly audit: AuditService,
  ) {}

  modules(): Promise<OcnModule[]> {
    return this.repo.modules();
  }

  async saveModule(by: AuthUser, body: unknown, id?: string): Promise<OcnModule> {
    const input = parseModuleInput(body);
    const kept = new Set(input.outcomes.flatMap((o) => o.criteria.map((c) => c.id)).filter((c): c is string => !!c));
    const added = input.outcomes.some((o) => o.criteria.some((c) => !c.id));
    if (!id && kept.size) throw OcnError.invalid({ outcomes: 'En ny modul har bara nya kriterier (utan id).' });
    const saved = await this.repo.transaction(async (tx) => {
      if (id) {
        // Locked, so evidence or a decision cannot reach a criterion while it is being removed.
        if (!(await this.repo.lockModule(tx, id))) throw OcnError.moduleNotFound();
        const [current] = await this.repo.modules(id, tx);
        const known = new Set(criteriaOf(current as OcnModule).map((c) => c.id));
        if ([...kept].some((c) => !known.has(c))) throw OcnError.invalid({ outcomes: 'Ett kriterium hör inte till den här modulen.' });
        const removed = [...known].some((c) => !kept.has(c));
        if ([...(await this.repo.criteriaInUse(id, tx))].some((c) => !kept.has(c))) throw OcnError.criterionInUse();
        // Signed-off credit must not change afterwards: criteria can be reworded, not added or removed.
        if ((added || removed) && (await this.repo.hasSignOff(id, tx))) throw OcnError.moduleSignedOff();
      }
      const moduleId = await this.repo.saveModule(tx, input, id);
      await this.audit.record({ actorId: by.id, action: id ? 'update' : 'create', entity: 'ocn_module', entityId: moduleId, details: { title: input.title } }, tx);
      return moduleId;
    });
    return this.module(saved);
  }

  /** A helper's modules with progress; a helper may only look at their own. */
  async summaries(viewer: AuthUser, helperId: string): Promise<ModuleSummaryView[]> {
    await this.helperVisibleTo(viewer, helperId);
    const [modules, minutes] = await Promise.all([this.repo.modules(), this.hours.approvedMinutes(helperId)]);
    return Promise.all(
      modules.map(async (module) => {
        const [evidence, assessment] = await Promise.all([this.repo.evidence(helperId, module.id), this.repo.assessment(helperId, module.id)]);
        return {
          module: { id: module.id, title: module.title, level: module.level, credits: module.credits },
          progress: moduleProgress(module, evidence, minutes, assessment.decisions),
          creditsAwarded: creditsAwarded(module, assessment),
          qualityAssured: assessment.qualityAssurerId !== null,
        };
      }),
    );
  }

  async portfolio(viewer: AuthUser, helperId: string, moduleId: string): Promise<PortfolioView> {
    const helper = await this.helperVisibleTo(viewer, helperId);
    const module = await this.module(moduleId);
    const [evidence, assessment, minutes] = await Promise.all([this.repo.evidence(helperId, moduleId), this.repo.assessment(helperId, moduleId), this.hours.approvedMinutes(helperId)]);
    return {
      helper,
      module,
      evidence,
      assessment: {
        decisions: { ...assessment.decisions },
        assessorId: assessment.assessorId,
        assessorName: assessment.assessorName,
        assessedAt: assessment.assessedAt?.toISOString() ?? null,
        qualityAssurerName: assessment.qualityAssurerName,
        qualityAssuredAt: assessment.qualityAssuredAt?.toISOString() ?? null,
        creditsAwarded: creditsAwarded(module, assessment),
      },
      progress: moduleProgress(module, evidence, minutes, assessment.decisions),
    };
  }

  /**
   * Links evidence to criteria. Helpers add their own hours, visit statistics and reflections;
   * witness statements and observations are written by coordinators.
   */
  async addEvidence(author: AuthUser, helperId: string, moduleId: string, body: unknown): Promise<PortfolioView> {
    await this.helperVisibleTo(author, helperId);
    const module = await this.module(moduleId);
    const input = parseEvidence(body, new Set(criteriaOf(module).map((c) => c.id)));
    if (author.role === 'helper' && !EVIDENCE_BY_HELPER.has(input.kind)) throw AuthError.forbidden();
    if (input.kind === 'hours') {
      if (!input.hoursEntryIds.length || (await this.repo.ownApprovedHours(helperId, input.hoursEntryIds)) !== new Set(input.hoursEntryIds).size) {
        throw OcnError.invalid({ hoursEntryIds: 'Välj godkända timmar som hör till digivärden.' });
      }
    }
    const statistics = input.kind === 'visit-statistics' ? await this.repo.visitStatistics(helperId) : null;
    await this.repo.insertEvidence(helperId, moduleId, input, statistics, author.id);
    await this.audit.record({ actorId: author.id, action: 'create', entity: 'evidence', entityId: helperId, details: { moduleId, kind: input.kind, criterionIds: input.criterionIds } });
    return this.portfolio(author, helperId, moduleId);
  }

  /** The assessor's decision on every criterion. Locked once quality-assured. */
  async assess(assessor: AuthUser, helperId: string, moduleId: string, body: unknown, now = currentTime()): Promise<PortfolioView> {
    await this.helperVisibleTo(assessor, helperId);
    const module = await this.module(moduleId);
    const decisions = parseDecisions(body);
    assertCompleteAssessment(module, decisions);
    await this.repo.transaction(async (tx) => {
      const current = await this.repo.assessment(helperId, moduleId, tx, true);
      if (current.qualityAssurerId) throw OcnError.alreadySignedOff();
      await this.repo.saveAssessment(tx, helperId, moduleId, assessor.id, now, decisions);
      await this.audit.record({ actorId: assessor.id, action: 'assess', entity: 'assessment', entityId: helperId, details: { moduleId, decisions } }, tx);
    });
    return this.portfolio(assessor, helperId, moduleId);
  }

  /** The internal quality assurer confirms: never the assessor, only with every criterion met. */
  async qualityAssure(assurer: AuthUser, helperId: string, moduleId: string, now = currentTime()): Promise<PortfolioView> {
    await this.helperVisibleTo(assurer, helperId);
    const module = await this.module(moduleId);
    await this.repo.transaction(async (tx) => {
      const assessment = await this.repo.assessment(helperId, moduleId, tx, true);
      assertCanQualityAssure(module, assessment, assurer.id);
      if (!assessment.id) throw OcnError.notAssessed();
      await this.repo.qualityAssure(tx, assessment.id, assurer.id, now);
      await this.audit.record({ actorId: assurer.id, action: 'quality-assure', entity: 'assessment', entityId: helperId, details: { moduleId } }, tx);
    });
    return this.portfolio(assurer, helperId, moduleId);
  }

  /** The portfolio as a PDF for the validation body; every download is audited. */
  async portfolioPdf(viewer: AuthUser, helperId: string, moduleId: string): Promise<Buffer> {
    const p = await this.portfolio(viewer, helperId, moduleId);
    await this.audit.record({ actorId: viewer.id, action: 'export', entity: 'portfolio', entityId: helperId, details: { moduleId } });
    const labels = CATEGORY_LABELS.sv as Record<string, string>;
    return renderPdf({ title: `Portfölj – ${p.module.title} – ${p.helper.name}` }, (doc) => {
      doc.font('Helvetica-Bold').fontSize(18).text(`Portfölj: ${p.module.title}`);
      doc.font('Helvetica').fontSize(10.5).text(`Digivärd: ${p.helper.name}`).text(`Nivå ${p.module.level} · ${p.module.credits} poäng · ${p.progress.notionalHours} timmar (nominellt)`);
      heading(doc, 'Timmar');
      doc.text(`Godkända timmar totalt: ${p.progress.approvedHours} av ${p.progress.notionalHours} nominella timmar.`);
      doc.text(`Kriterier med bevis: ${p.progress.criteriaWithEvidence} av ${p.progress.criteriaTotal}.`);
      for (const outcome of p.module.outcomes) {
        heading(doc, `Läranderesultat ${outcome.number}: ${outcome.text}`, 13);
        for (const criterion of outcome.criteria) {
          const decision = p.assessment.decisions[criterion.id];
          doc.moveDown(0.3).font('Helvetica-Bold').text(`${criterion.number} ${criterion.text}`).font('Helvetica');
          doc.text(`Bedömning: ${decision ? (decision.met ? 'Uppfyllt' : 'Inte uppfyllt än') : 'Inte bedömt'}${decision?.comment ? ` – ${decision.comment}` : ''}`);
          const evidence = p.evidence.filter((e) => e.criterionIds.includes(criterion.id));
          for (const e of evidence) {
            const hours = e.hours.length ? ` (${e.hours.map((h) => `${h.date}: ${Math.round(h.minutes / 6) / 10} h`).join(', ')})` : '';
            const stats = e.statistics ? ` (${Object.entries(e.statistics).map(([k, n]) => `${labels[k] ?? k}: ${n}`).join(', ')})` : '';
            doc.text(`• ${KIND_NAMES[e.kind] ?? e.kind}${hours}${stats}${e.text ? `: ${e.text}` : ''} – ${e.authorName}, ${e.createdAt.slice(0, 10)}`, { indent: 12 });
          }
          if (!evidence.length) doc.text('• Inga bevis kopplade än.', { indent: 12 });
        }
      }
      heading(doc, 'Underskrifter');
      doc.text(`Bedömare: ${p.assessment.assessorName ?? '–'}, ${p.assessment.assessedAt?.slice(0, 10) ?? 'ej bedömd'}`);
      doc.text(`Intern kvalitetssäkrare: ${p.assessment.qualityAssurerName ?? '–'}, ${p.assessment.qualityAssuredAt?.slice(0, 10) ?? 'ej kvalitetssäkrad'}`);
      doc.text(`Poäng: ${p.assessment.creditsAwarded} av ${p.module.credits}`);
    });
  }

  private async module(id: string): Promise<OcnModule> {
    if (!isUuid(id)) throw OcnError.moduleNotFound();
    const [module] = await this.repo.modules(id);
    if (!module) throw OcnError.moduleNotFound();
    return module;
  }

  /** A helper sees only their own portfolio; coordinators see every helper's. */
  private async helperVisibleTo(viewer: AuthUser, helperId: string): Promise<{ id: string; name: string }> {
    if (viewer.role !== 'coordinator' && viewer.id !== helperId) throw AuthError.forbidden();
    const helper = await this.repo.helper(helperId);
    if (!helper) throw OcnError.invalid({ helperId: 'Det finns ingen digivärd med det id:t.' });
    return helper;
  }
}
