// Production server for the web app: security headers with a per-request CSP nonce, static
// assets, and the React Router request handler. `npm run build` first.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// This server only serves the production build, so it runs in production mode unless told
// otherwise; set before express, React and React Router load (they read it when imported):
// development mode would send error stacks to browsers.
process.env.NODE_ENV ??= 'production';
const { createRequestHandler } = await import('@react-router/express');
const { default: compression } = await import('compression');
const { default: express } = await import('express');
const { default: helmet } = await import('helmet');

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost:3000';
const https = publicUrl.startsWith('https://');

const app = express();
app.disable('x-powered-by');
// Behind a load balancer set TRUST_PROXY (e.g. "loopback" or a hop count) so req.ip is the client.
app.set('trust proxy', process.env.TRUST_PROXY ?? false);
// Server-Sent Events (/live) must reach the browser as they are written, never held for compression.
app.use(
  compression({
    filter: (req, res) =>
      !String(res.getHeader('content-type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
  }),
);

// Which process answers: scripts/start.mjs checks it reached the web server it started.
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok', service: 'hearth-web', instance: process.env.INSTANCE_ID ?? null });
});

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
    mode: process.env.NODE_ENV,
  }),
);

// express 5 hands a listen error to this callback too (and to the 'error' handler below).
const server = app.listen(port, (err) => {
  if (!err) console.log(`Hearth web listening on http://localhost:${port} (${process.env.NODE_ENV})`);
});
server.on('error', (err) => {
  const reason =
    err.code === 'EADDRINUSE'
      ? `port ${port} is already in use. Stop what uses it, or set PORT (WEB_PORT for npm start).`
      : `cannot listen on port ${port}: ${err.message}`;
  console.error(`Hearth web could not start: ${reason}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open: let in-flight requests finish, then go.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
