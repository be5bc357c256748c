import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { SITE_CSS } from './styles';

/**
 * The stylesheet's address carries a hash of its content, so browsers may keep it for a year and still
 * get the new one the moment it changes.
 */
export const STYLESHEET_HREF = `/assets/site.css?v=${createHash('sha256').update(SITE_CSS).digest('hex').slice(0, 12)}`;

/** A small icon at the address browsers ask for by themselves (so they get no 404 for it). */
const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#17202c"/>' +
  '<path d="M9 23V9h3v5.5h8V9h3v14h-3v-5.5h-8V23z" fill="#fff"/></svg>';

/** Static assets: the stylesheet and the icon. Nothing personal, so they may be cached (unlike every page). */
export const assetRoutes = new Hono<AppEnv>()
  .get('/assets/site.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(SITE_CSS);
  })
  .get('/favicon.ico', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(ICON_SVG);
  });
