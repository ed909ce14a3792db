// The hub's administration page (GET /admin): the bureau's administrator types the administrator
// token once per browser session and sees the laptops (enrolled, revoked, last push and pull), the
// records per unit and the open conflicts per district; registers a laptop (and is shown its one-time
// 登记码) and revokes a lost one. One static page calling the same /api/admin endpoints as curl; the
// token stays in the tab's sessionStorage. Every value is put into the page as text, never as HTML.
export const adminPageHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>走访台账同步服务器 · 管理</title>
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 24px; color: #1f1f1f; }
  h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
  table { border-collapse: collapse; margin-top: 8px; }
  th, td { border: 1px solid #d9d9d9; padding: 4px 10px; text-align: left; font-size: 14px; }
  th { background: #fafafa; }
  input, select, button { font-size: 14px; padding: 4px 8px; margin: 2px 4px 2px 0; }
  .muted { color: #8c8c8c; } .error { color: #cf1322; } .code { font-family: monospace; font-size: 18px; color: #0958d9; }
</style>
</head>
<body>
<h1>走访台账同步服务器 · 管理</h1>
<form id="login"><label>管理员凭据 <input id="token" type="password" autocomplete="off" size="40"></label> <button>登录</button></form>
<p id="message" class="error" role="alert"></p>
<section id="main" hidden>
  <h2>登记设备</h2>
  <form id="register">
    <input name="deviceId" placeholder="设备编号（笔记本上 数据交换 → 同步 显示）" size="40" required>
    <input name="officer" placeholder="使用人" required>
    <input name="unit" placeholder="单位（如 平望镇）" required>
    <input name="district" placeholder="所属区" required>
    <select name="scope"><option value="officer">本人联系企业和本单位</option><option value="district">全区</option><option value="city">全市</option></select>
    <button>登记</button>
  </form>
  <p id="code"></p>
  <h2>设备</h2><table id="devices"></table>
  <h2>各单位记录数</h2><table id="records"></table>
  <h2>待处理冲突</h2><table id="conflicts"></table>
</section>
<script>
const $ = (id) => document.getElementById(id);
const token = () => sessionStorage.getItem('hubAdminToken') || '';
const when = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';
async function api(path, init = {}) {
  const response = await fetch(path, { ...init, headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token() } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || ('请求失败（' + response.status + '）'));
  return body;
}
function fill(table, header, rows) {
  table.replaceChildren();
  const head = table.insertRow();
  for (const h of header) { const th = document.createElement('th'); th.textContent = h; head.append(th); }
  if (rows.length === 0) { const cell = table.insertRow().insertCell(); cell.colSpan = header.length; cell.textContent = '暂无'; cell.className = 'muted'; }
  for (const row of rows) { const tr = table.insertRow(); for (const value of row) { const cell = tr.insertCell(); if (value instanceof Node) cell.append(value); else cell.textContent = String(value); } }
}
const scopes = { officer: '本人联系企业和本单位', district: '全区', city: '全市' };
async function refresh() {
  const overview = await api('/api/admin/overview');
  $('main').hidden = false; $('login').hidden = true; $('message').textContent = '';
  fill($('devices'), ['设备编号', '使用人', '单位', '所属区', '可见范围', '状态', '上次上传', '上次下载', ''], overview.devices.map((d) => {
    const revoke = document.createElement('button');
    revoke.textContent = '停用'; revoke.disabled = d.revoked;
    revoke.onclick = async () => { if (!confirm('停用设备 ' + d.deviceId + '？停用后该设备无法再同步。')) return; try { await api('/api/admin/devices/' + encodeURIComponent(d.deviceId) + '/revoke', { method: 'POST' }); await refresh(); } catch (e) { $('message').textContent = e.message; } };
    return [d.deviceId, d.officer, d.unit, d.district, scopes[d.scope] || d.scope, d.revoked ? '已停用' : d.enrolled ? '已登记' : '待输入登记码', when(d.lastPushAt), when(d.lastPullAt), revoke];
  }));
  fill($('records'), ['单位', '数据表', '记录数'], overview.records.map((r) => [r.unit, r.table, r.count]));
  fill($('conflicts'), ['所属区', '待处理冲突'], overview.conflicts.map((c) => [c.district, c.count]));
}
$('login').onsubmit = async (event) => { event.preventDefault(); sessionStorage.setItem('hubAdminToken', $('token').value.trim()); try { await refresh(); } catch (e) { $('message').textContent = e.message; } };
$('register').onsubmit = async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const { enrolmentCode } = await api('/api/admin/devices', { method: 'POST', body: JSON.stringify(Object.fromEntries(form)) });
    $('code').textContent = '';
    const label = document.createElement('span'); label.textContent = '一次性登记码（请告知使用人，在笔记本的 数据交换 → 同步 中输入）：';
    const code = document.createElement('span'); code.className = 'code'; code.textContent = enrolmentCode;
    $('code').append(label, code);
    event.target.reset();
    await refresh();
  } catch (e) { $('message').textContent = e.message; }
};
if (token()) refresh().catch((e) => { $('message').textContent = e.message; });
</script>
</body>
</html>
`;
