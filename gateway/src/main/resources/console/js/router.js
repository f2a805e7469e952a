// Hash routes (#/sessions/s-1): the page's URL never carries the key, and the gateway serves one file.

const routes = [];

/** pattern like '/sessions/:sid'; render(params, main) may return a function to call when leaving. */
export function route(pattern, render) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:([a-zA-Z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  }) + '$');
  routes.push({ regex, names, render });
}

export function navigate(path) {
  location.hash = '#' + path;
}

export function currentPath() {
  return location.hash.replace(/^#/, '') || '/sessions';
}

/** Renders the page of the current hash into main, and again on every change. */
export function start(main, onRoute) {
  let leave = null;
  let generation = 0;
  async function show() {
    const mine = ++generation;
    if (leave) leave();
    leave = null;
    const [pathname, search = ''] = currentPath().split('?');
    for (const { regex, names, render } of routes) {
      const match = pathname.match(regex);
      if (!match) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      params.query = new URLSearchParams(search);
      onRoute(pathname);
      // Each visit renders into its own section, so a page still loading when the person moves on
      // writes into a detached element instead of over the next page.
      const section = document.createElement('section');
      section.className = 'page';
      main.replaceChildren(section);
      const cleanup = (await render(params, section)) || null;
      if (mine === generation) leave = cleanup;
      else if (cleanup) cleanup();
      return;
    }
    navigate('/sessions');
  }
  window.addEventListener('hashchange', show);
  show();
}
