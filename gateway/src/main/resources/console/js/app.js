// Starts the console: the sign-in page until a key is known, then the pages behind the navigation.
import { currentKey, forget } from './auth.js';
import { route, start } from './router.js';
import { signIn } from './pages/signin.js';
import { sessionsPage } from './pages/sessions.js';
import { sessionPage } from './pages/session.js';
import { taskPage } from './pages/task.js';
import { typesPage } from './pages/types.js';
import { resultsPage } from './pages/results.js';
import { clusterPage } from './pages/cluster.js';
import { schedulesPage } from './pages/schedules.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');

route('/sessions', sessionsPage);
route('/sessions/:sid', sessionPage);
route('/tasks/:tid', taskPage);
route('/types', typesPage);
route('/types/:name', typesPage);
route('/results', resultsPage);
route('/results/:rid', resultsPage);
route('/cluster', clusterPage);
route('/schedules', schedulesPage);

function markCurrent(pathname) {
  const page = pathname.split('/')[1] === 'tasks' ? 'sessions' : pathname.split('/')[1];
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function showConsole() {
  nav.hidden = false;
  signOut.hidden = false;
  start(main, markCurrent);
}

signOut.addEventListener('click', () => {
  forget();
  location.hash = '';
  location.reload();
});

if (currentKey()) showConsole();
else signIn(main, showConsole);
