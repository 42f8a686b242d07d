// Search on the prerendered HTML pages, before and without the app's wasm: a box
// marked `data-html-search` sends what is typed to the engine in a worker
// (worker.js) and shows its answer in place, as the app's page shows it (the same
// classes): "search" (`/`, `/tim-kiem`) lists results, "address"
// (`/tra-cuu-dia-chi`) the old units matching an address and where each went.
// Text from the data is set as text, never as HTML. If the worker cannot start
// or its data fails, the page asks the app to start (the boot script listens for
// 'cuaso:start'), and the app's own search takes over with its messages.
const boot = document.querySelector('#boot[data-prerendered]');
const form = boot && boot.querySelector('form[data-html-search]');
const input = form && form.querySelector('input[name=q]');
const address = form && form.dataset.htmlSearch === 'address';
// The page the box's answers belong to (the form's own action), where typing
// keeps the URL shareable; from elsewhere, submitting goes there.
const onOwnPage = form && new URL(form.action, location.href).pathname === location.pathname.replace(/\/+$/, '');

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function handToApp(message) {
  if (message) console.warn('search worker:', message);
  if (area) area.replaceChildren();
  dispatchEvent(new Event('cuaso:start'));
}

// Where results go: the search page's results area, or a new one under the box.
let area = null;
let worker = null;
let shown = null;

function startWorker() {
  if (worker) return;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  } catch (e) {
    handToApp(String(e));
    return;
  }
  worker.addEventListener('message', (event) => {
    const msg = event.data || {};
    if (msg.type === 'failed') handToApp(msg.message);
    else if (msg.type === 'found' && msg.q === asked) {
      render(msg.q, msg.result);
      // Once the answer is painted (the next frame), the worker fetches the rest:
      // nothing competes with the first answer for the network or the screen.
      if (!msg.complete) requestAnimationFrame(() => setTimeout(() => worker.postMessage({ type: 'shown' }), 0));
    }
    else if (msg.type === 'looked' && msg.q === asked) renderAddress(msg.q, msg.result);
  });
  worker.addEventListener('error', (e) => handToApp(e.message || 'the worker failed'));
  const origin = document.querySelector('meta[name=cuaso-data-origin]');
  const named = (origin && origin.content.trim()) || '/data/';
  const root = named.endsWith('/') ? named : named + '/';
  // The prerender gives the data's version with the page, for the origin it was built with.
  const version = document.querySelector('meta[name=cuaso-data-version]');
  const same = version && version.dataset.origin === named;
  worker.postMessage({ type: 'init', root, version: same ? version.content : null });
}

function item(hit) {
  const title = hit.href ? el('a', { class: 'result-title', href: hit.href }, hit.title) : el('a', { class: 'result-title' }, hit.title);
  const meta = el('span', { class: 'meta' }, el('span', { class: 'kind' }, hit.label), hit.meta ? ` · ${hit.meta}` : null);
  return el('li', { class: `result result-${hit.kind}` }, title, meta);
}

// The app waits while this page's search is at work (the boot script's idle start).
const busy = () => dispatchEvent(new Event('cuaso:wait'));

// Shows the answer to `q` (the nodes `build` makes), or the page as it was for no query.
function show(q, build) {
  shown = q;
  busy();
  area.replaceChildren(...(q ? build() : area.initial || []));
}

function render(q, result) {
  show(q, () => resultNodes(result));
}

function resultNodes(result) {
  const hits = result.hits || [];
  const n = Math.min(result.answers || 0, hits.length);
  const m = hits.length - n;
  const nodes = [];
  if (result.gap) {
    nodes.push(el('div', { class: 'coverage-note', role: 'note' },
      el('p', {}, el('strong', {}, `Danh mục của Cửa sổ số chưa có thủ tục nào về ${result.gap.vi}.`), ` Việc này do ${result.gap.by_vi} giải quyết.`)));
  }
  if (!hits.length) {
    nodes.push(el('div', { class: 'no-results', role: 'status' },
      el('p', {}, el('strong', {}, 'Không có kết quả.')),
      el('ul', {},
        el('li', {}, 'Thử ít từ hơn, hoặc từ thông dụng hơn (ví dụ “khai sinh”, “sổ đỏ”).'),
        el('li', {}, 'Với địa chỉ cũ, gõ tên phường, xã và quận, huyện: “phuong 1 quan 3”.'))));
  } else {
    const more = m ? `, thêm ${m}${hits.length >= 30 ? '+' : ''} kết quả ít liên quan` : '';
    nodes.push(el('p', { class: 'count', role: 'status' }, `${n} kết quả${more}`));
    if (n) nodes.push(el('ol', { class: 'results', 'data-testid': 'results' }, ...hits.slice(0, n).map(item)));
    if (m) {
      const rest = el('ol', { class: 'results', start: String(n + 1) }, ...hits.slice(n).map(item));
      rest.style.counterReset = `result ${n}`; // through the CSSOM: the CSP refuses style attributes
      nodes.push(el('details', { class: 'more-results', 'data-testid': 'more-results' },
        el('summary', {}, `Thêm kết quả ít liên quan (${m})`), rest));
    }
  }
  return nodes;
}

const MAX_LEGACY = 10; // crates/pages/src/address.rs

function renderAddress(q, result) {
  show(q, () => addressNodes(q, result));
}

function addressNodes(q, result) {
  const old = result.old || [];
  const nodes = [];
  if (!old.length) {
    const search = new URL('/tim-kiem', location.href);
    search.searchParams.set('q', q);
    nodes.push(el('div', { class: 'no-results', role: 'status', 'data-testid': 'address-none' },
      el('p', {}, el('strong', {}, 'Không tìm thấy địa chỉ cũ nào khớp.')),
      el('ul', {},
        el('li', {}, 'Thêm tên quận, huyện hoặc tỉnh cũ: “phuong 1 quan 3”.'),
        el('li', {}, 'Kiểm tra chính tả tên phường, xã.'),
        el('li', {}, 'Thử gõ không dấu: “hang trong hoan kiem”.'),
        el('li', {}, 'Hoặc tìm trong toàn bộ trang: ', el('a', { href: search.pathname + search.search }, 'Tìm kiếm')))));
  } else {
    const units = old.map((u) => {
      const split = u.successors.length > 1;
      return el('li', { class: 'address-result' },
        el('h3', {}, u.name),
        el('p', { class: 'meta' }, u.place),
        split
          ? el('p', { class: 'split-note' }, 'Đơn vị cũ này đã được chia cho nhiều xã, phường mới: nhà bạn thuộc nơi nào tùy vào địa chỉ cụ thể (thôn, tổ dân phố, đường). Nơi ghi “mặc định” là xã, phường nhận phần chính của đơn vị cũ khi sắp xếp; nhà bạn vẫn có thể thuộc nơi khác. Chưa chắc thì hỏi Ủy ban nhân dân xã, phường gần nhà.')
          : el('p', { class: 'now' }, 'Nay thuộc:'),
        el('ul', { class: 'successors' }, ...u.successors.map((s) => el('li', {},
          el('a', { href: s.href }, s.name),
          split && s.default ? ' ' : null, split && s.default ? el('span', { class: 'badge' }, 'mặc định') : null,
          s.province ? el('span', { class: 'meta' }, s.province) : null))));
    });
    nodes.push(el('section', { 'aria-labelledby': 'address-old-h' },
      el('h2', { id: 'address-old-h' }, 'Đơn vị cũ khớp với địa chỉ'),
      el('p', { class: 'count', role: 'status' }, `${old.length} đơn vị cũ${old.length === MAX_LEGACY ? ', có thể còn nữa: thêm quận, huyện để thu hẹp' : ''}`),
      el('ol', { class: 'address-results', 'data-testid': 'address-results' }, ...units)));
  }
  if ((result.new || []).length) {
    nodes.push(el('section', { 'aria-labelledby': 'address-new-h' },
      el('h2', { id: 'address-new-h' }, 'Tên này cũng là một xã, phường mới'),
      el('ul', { class: 'address-new', 'data-testid': 'address-new' }, ...result.new.map((c) => el('li', {},
        c.href ? el('a', { href: c.href }, c.name) : el('span', {}, c.name),
        c.province ? el('span', { class: 'meta' }, c.province) : null)))));
  }
  return nodes;
}

let pending = 0;
let asked = null;
function ask() {
  const q = input.value.trim();
  if (onOwnPage) {
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', input.value); else url.searchParams.delete('q');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }
  if (q === asked) return;
  asked = q;
  startWorker();
  if (!worker) return;
  busy();
  if (q && shown === null) area.replaceChildren(el('p', { class: 'loading', role: 'status' }, 'Đang tìm…'));
  worker.postMessage({ type: address ? 'lookup' : 'find', q });
}

if (input && typeof Worker === 'function' && typeof WebAssembly === 'object') {
  area = boot.querySelector('[data-search-results]');
  if (!area) {
    area = el('div', { class: 'search-results', 'data-search-results': '' });
    form.after(area);
  }
  area.setAttribute('aria-live', 'polite');
  area.initial = [...area.childNodes];
  input.addEventListener('focus', startWorker, { once: true });
  input.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(ask, 60);
  });
  form.addEventListener('submit', (event) => {
    if (!onOwnPage) return; // from another page, the form goes to its page (/tim-kiem?q=…), itself HTML
    event.preventDefault();
    ask();
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q && onOwnPage) {
    input.value = q;
    ask();
  }
}
