export interface MailOptions {
  smtpUrl: string;
  from: string;
  /** Folder of the local mail catcher; set only when it runs (no SMTP_URL, not production). */
  catcherDir?: string;
}

export const MAIL_OPTIONS = Symbol('MAIL_OPTIONS');
