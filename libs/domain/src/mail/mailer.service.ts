import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { createTransport, Transporter } from 'nodemailer';

export interface MailMessage {
  to: string[];
  subject: string;
  /** Plain text; paragraphs separated by blank lines. */
  text: string;
  /** The HTML part (the weekly digest's chart); derived from `text` when absent. */
  html?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Plain text as simple HTML: one <p> per paragraph, line breaks kept. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body style="font-family:sans-serif">${paragraphs.join('')}</body></html>`;
}

/** Sends e-mail over SMTP_URL with nodemailer; every send is a no-op when SMTP_URL is empty. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Resolves false (and logs) instead of throwing: mail never fails the action that sent it. */
  async send(message: MailMessage): Promise<boolean> {
    if (!this.transport || message.to.length === 0) return false;
    try {
      await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? textToHtml(message.text),
      });
      return true;
    } catch (err) {
      this.logger.warn({ err, subject: message.subject }, 'e-mail could not be sent');
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
