// The cluster: members with the task types they serve and their slots, their load and state, the
// cluster's queued and running counts; an admin key may drain a member.
import { api, id } from '../api.js';
import { isAdmin } from '../auth.js';
import { act, badge, confirmAction, errorBox, h, table, time } from '../dom.js';

export async function clusterPage(params, page) {
  const error = errorBox();
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const reload = h('button', { type: 'button', class: 'secondary', onclick: () => show() }, 'Refresh');
  page.append(h('div', { class: 'row spread' }, h('h1', {}, 'Cluster'), reload), error, body);

  async function show() {
    try {
      const cluster = await api.get('/v1/cluster');
      body.replaceChildren(
        h('p', { id: 'cluster-totals' }, h('strong', {}, cluster.clusterName), ` · ${cluster.members.length} member(s) · `,
          `${cluster.queued} queued · ${cluster.running} running`),
        table(['Member', 'Address', 'State', 'Load', 'Task types (slots)', 'Started', ''],
          cluster.members.map((member) => memberRow(member, error, show)), { id: 'members' }));
    } catch (e) {
      error.show(e);
    }
  }
  await show();
}

function memberRow(member, error, reload) {
  return h('tr', { 'data-member': member.id },
    h('td', {}, h('code', {}, member.id), h('br'), h('small', { class: 'muted' }, `version ${member.version}`)),
    h('td', {}, member.address),
    h('td', {}, badge(member.state)),
    h('td', {}, String(member.load)),
    h('td', {}, member.types.length
      ? h('ul', { class: 'plain' }, member.types.map((t) => h('li', {}, `${t.type} (${t.slots})`)))
      : h('span', { class: 'muted' }, 'none')),
    h('td', {}, time(member.startedAt)),
    // Only an admin key may drain; other keys are not offered a button that would be refused.
    h('td', {}, isAdmin() && member.state === 'ACTIVE' ? drainButton(member, error, reload) : null));
}

function drainButton(member, error, reload) {
  const button = h('button', {
    type: 'button', class: 'danger small', 'data-action': 'drain',
    async onclick() {
      const question = `Drain member ${member.address}? It takes no new tasks, finishes what runs, and stays drained until restarted.`;
      if (!(await confirmAction(question, 'Drain'))) return;
      await act(button, error, async () => {
        await api.post(`/v1/cluster/members/${id(member.id)}/drain`);
        await reload();
      });
    },
  }, 'Drain');
  return button;
}
