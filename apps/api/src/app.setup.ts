import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { createValidationPipe, RejectNulPipe } from './common/validation';
import { jsonOnly } from './common/json-only';
import { loopbackHostOnly } from './common/loopback-host';

/** Everything main.ts and the API tests share, so tests run the same wiring as production. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  // A trial on loopback (not production, HOST not opened) answers only requests addressed to this computer.
  if (config.env !== 'production' && !config.listensBeyondLoopback) app.use(loopbackHostOnly(config.publicUrl));
  app.set('trust proxy', config.trustProxy);
  // Before every parser and route: state changes take JSON only (login CSRF by an HTML form). The only body
  // parser is JSON's: the app is created with `bodyParser: false`, so Nest adds no urlencoded parser.
  app.use(jsonOnly());
  app.useBodyParser('json', { limit: '100kb' });
  app.use(cookieParser());
  app.setGlobalPrefix('api', { exclude: [{ path: 'dev/mail', method: RequestMethod.GET }, { path: 'dev/mail/:file', method: RequestMethod.GET }] });
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());

  const openApi = new DocumentBuilder()
    .setTitle('Digihjälpen API')
    .setDescription('Drop-in digital help at the library. Times are ISO 8601 with offset; errors are `{ code, message, fields? }`.')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs-json' });

  serveWebApp(app, config.webDist);
}

/**
 * Helmet's headers on every answer (API, pages, files, errors). Scripts only from our own files: no
 * inline scripts or handlers, no eval (the ICU texts are interpreted, not compiled). Styles allow
 * 'unsafe-inline' because Angular inserts each component's styles as a <style> element at run time
 * and the poster, the mail catcher and Swagger UI carry inline <style>; a style cannot run code, and
 * img-src/connect-src keep it from sending anything elsewhere. No referrer at all: manage links hold
 * their secret in the path. HSTS only when the public address is https, as the Secure cookies.
 */
function securityHeaders(config: AppConfig): RequestHandler {
  const https = config.publicUrl.startsWith('https:');
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // On plain http (a laptop, the e2e run) upgrading would break every request.
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    headers(req, res, next);
  };
}

/** In production the API also serves the built Angular app; unknown non-API paths get index.html. */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webDist, {
    index: false,
    setHeaders: (res, file) => {
      // Angular's file names carry a content hash (upper and lower case, digits, '_' and '-': chunk-B-z5Xo_B.js);
      // everything else must be revalidated.
      const hashed = /-[A-Za-z0-9_-]{8}\.(js|css)$/.test(file);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !/^\/(api|dev)(\/|$)/.test(req.path) && req.accepts('html');
    if (!isPage) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
