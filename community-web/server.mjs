// Production server for the web app: security headers with a per-request CSP nonce, static
// assets, and the React Router request handler. `npm run build` first.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@react-router/express';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost:3000';
const https = publicUrl.startsWith('https://');

const app = express();
app.disable('x-powered-by');
// Behind a load balancer set TRUST_PROXY (e.g. "loopback" or a hop count) so req.ip is the client.
app.set('trust proxy', process.env.TRUST_PROXY ?? false);
app.use(compression());

app.use((req, res, next) => {
  res.locals.nonce = randomBytes(16).toString('base64');
  // The API limits logins per client address: pass it on, never trusting one the client sent.
  req.headers['x-hearth-client-ip'] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  next();
});
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.nonce}'`],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'https:', 'data:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  }),
);

app.use('/assets', express.static(path.join(here, 'build/client/assets'), { immutable: true, maxAge: '1y' }));
app.use(express.static(path.join(here, 'build/client'), { maxAge: '1h' }));
app.all(
  '/{*splat}',
  createRequestHandler({
    build: () => import('./build/server/index.js'),
    getLoadContext: (_req, res) => ({ nonce: res.locals.nonce }),
  }),
);

app.listen(port, () => console.log(`Hearth web listening on http://localhost:${port}`));
