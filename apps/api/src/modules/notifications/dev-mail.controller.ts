import { Controller, Get, Header, Inject, Injectable, NotFoundException, Param, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { escapeHtml } from '../../common/html';
import { Public } from '../auth/access.decorator';
import { fromLoopback } from '../auth/client-address';
import { MAIL_OPTIONS, type MailOptions } from './mail.options';


const page = (title: string, body: string) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc}
pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}a{color:#0b57a4}</style></head>
<body>${body}</body></html>`;

/**
 * The mail catcher holds invitation, password and manage links: only someone at this computer may read
 * them. The TCP peer must be loopback and the request must not have come through a proxy (a proxy on this
 * machine would make everyone on the network look like loopback). Anyone else gets 404, as in production.
 */
@Injectable()
export class ThisComputerOnly implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'].some((h) => req.headers[h] !== undefined);
    if (proxied || !fromLoopback(req)) throw new NotFoundException('Not found.');
    return true;
  }
}

/** Non-production only: read the e-mails the local mail catcher received, on this computer only. */
@ApiExcludeController()
@Public()
@UseGuards(ThisComputerOnly)
@Controller('dev/mail')
export class DevMailController {
  constructor(@Inject(MAIL_OPTIONS) private readonly options: MailOptions) {}

  private get dir(): string {
    if (!this.options.catcherDir) throw new NotFoundException('The mail catcher is not running (SMTP_URL is set).');
    return this.options.catcherDir;
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async list(): Promise<string> {
    const files = (await readdir(this.dir)).filter((f) => f.endsWith('.eml')).sort().reverse();
    const rows = await Promise.all(
      files.map(async (file) => {
        const mail = await simpleParser(await readFile(path.join(this.dir, file)));
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
        return `<tr><td>${escapeHtml(mail.date?.toLocaleString('sv-SE') ?? '')}</td><td>${escapeHtml(to)}</td>
<td><a href="/dev/mail/${encodeURIComponent(file)}">${escapeHtml(mail.subject ?? '(inget ämne)')}</a></td></tr>`;
      }),
    );
    const body = files.length
      ? `<table><thead><tr><th>Skickat</th><th>Till</th><th>Ämne</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>Inga e-postmeddelanden ännu. När Digihjälpen skickar e-post syns det här.</p>';
    return page('E-post (lokal)', `<h1>E-post som appen har skickat</h1><p>Sparas i <code>${escapeHtml(this.dir)}</code>.</p>${body}`);
  }

  @Get(':file')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(@Param('file') file: string): Promise<string> {
    if (!/^[\w-]+\.eml$/.test(file)) throw new NotFoundException('No such message.');
    const raw = await readFile(path.join(this.dir, file)).catch(() => {
      throw new NotFoundException('No such message.');
    });
    const mail = await simpleParser(raw);
    const attachments = mail.attachments.map((a) => `<li>${escapeHtml(a.filename ?? 'bilaga')} (${escapeHtml(a.contentType)})</li>`).join('');
    return page(
      mail.subject ?? 'E-post',
      `<p><a href="/dev/mail">← Alla meddelanden</a></p><h1>${escapeHtml(mail.subject ?? '(inget ämne)')}</h1>
<pre>${escapeHtml(mail.text ?? '')}</pre>${attachments ? `<h2>Bilagor</h2><ul>${attachments}</ul>` : ''}`,
    );
  }
}
