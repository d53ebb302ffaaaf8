// The app renders on the client only: everything it shows comes from this device's
// IndexedDB and the user's language, neither of which exists at build time. Every route is
// still prerendered as a shell so a plain static host and the service worker can serve it.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
