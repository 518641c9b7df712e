// DocIntel dashboard helpers: API calls, Vietnamese labels, hand-written SVG charts. No external libraries.
'use strict';
const DI = (() => {
  const LEVEL = { central: 'Trung ương', province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã', other: 'Khác' };
  const RELATION = { basis: 'Căn cứ', implements: 'Thực hiện', forwards: 'Sao gửi', mentions: 'Nhắc đến' };
  const TYPE = { cong_van: 'Công văn', bao_cao: 'Báo cáo', ke_hoach: 'Kế hoạch', quyet_dinh: 'Quyết định', to_trinh: 'Tờ trình',
    thong_bao: 'Thông báo', ket_luan: 'Kết luận', chi_thi: 'Chỉ thị', nghi_quyet: 'Nghị quyết', huong_dan: 'Hướng dẫn',
    chuong_trinh: 'Chương trình', giay_moi: 'Giấy mời', bien_ban: 'Biên bản', nghi_dinh: 'Nghị định', quy_dinh: 'Quy định', thong_tu: 'Thông tư',
    luat: 'Luật', quy_che: 'Quy chế', de_an: 'Đề án', other: 'Khác' };
  const FIELD = { number: 'Số, ký hiệu', issued_date: 'Ngày ban hành', place: 'Địa danh', issuer: 'Cơ quan ban hành', subject: 'Trích yếu',
    'signer.name': 'Người ký', 'signer.position': 'Chức vụ người ký', urgency: 'Độ khẩn', secrecy: 'Độ mật',
    'citation.basis': 'Trích dẫn — căn cứ', 'citation.implements': 'Trích dẫn — thực hiện', 'citation.forwards': 'Trích dẫn — sao gửi',
    'citation.mentions': 'Trích dẫn — nhắc đến' };
  const REL_COLOR = { basis: '#a3201d', implements: '#1f5fa8', forwards: '#7a7a7a', mentions: '#2e8b57' };
  const PAGES = [['/', 'Tìm kiếm'], ['/cites.html', 'Ai trích dẫn'], ['/stats.html', 'Căn cứ pháp lý'], ['/graph.html', 'Đồ thị trích dẫn']];

  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const label = (map, v) => v == null || v === '' ? '(không rõ)' : (map[v] || v);
  const params = () => new URLSearchParams(location.search);

  function header() {
    const h = document.createElement('header');
    const here = location.pathname === '/index.html' ? '/' : location.pathname;
    h.innerHTML = '<span class="brand">DocIntel — Kho văn bản</span>' +
      PAGES.map(([href, t]) => `<a href="${href}"${href === here ? ' class="on"' : ''}>${t}</a>`).join('');
    document.body.prepend(h);
  }

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => null);
    if (!r.ok) {
      const detail = body && (body.detail || (body.errors && Object.entries(body.errors).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ')) || body.title);
      throw new Error(detail || `Lỗi ${r.status}`);
    }
    return body;
  }

  function showError(el, e) { el.innerHTML = `<div class="error">${esc(e.message || e)}</div>`; }

  function docLink(d) {
    const what = [label(TYPE, d.doc_type), d.number || '(không số)'].join(' ');
    return `<a href="/document.html?id=${encodeURIComponent(d.id)}">${esc(what)}</a>`;
  }
  function docMeta(d) {
    return [d.issued_date ? fmtDate(d.issued_date) : null, d.issuer_name, d.commune ? null : d.district, d.province, label(LEVEL, d.level)]
      .filter(Boolean).map(esc).join(' · ');
  }
  const fmtDate = iso => { const [y, m, d] = iso.split('-'); return `${d}/${m}/${y}`; };

  // Horizontal bar chart: rows [{label, value, href?}].
  function bars(rows, { width = 520, barH = 20, color = '#1f5fa8', labelW = 220 } = {}) {
    if (!rows.length) return '<p class="muted">Không có dữ liệu.</p>';
    const max = Math.max(...rows.map(r => r.value), 1);
    const h = rows.length * (barH + 6) + 4;
    const plot = width - labelW - 50;
    const items = rows.map((r, i) => {
      const y = i * (barH + 6) + 2, w = Math.max(1, Math.round(plot * r.value / max));
      const text = r.label.length > 34 ? r.label.slice(0, 33) + '…' : r.label;
      const name = r.href ? `<a href="${esc(r.href)}"><text x="${labelW - 6}" y="${y + barH * .72}" text-anchor="end" font-size="12" fill="#1f5fa8">${esc(text)}</text></a>`
        : `<text x="${labelW - 6}" y="${y + barH * .72}" text-anchor="end" font-size="12">${esc(text)}</text>`;
      return `<g class="bar"><title>${esc(r.label)}: ${r.value}</title>${name}<rect x="${labelW}" y="${y}" width="${w}" height="${barH}" fill="${color}" rx="2"/>` +
        `<text x="${labelW + w + 4}" y="${y + barH * .72}" font-size="12">${r.value}</text></g>`;
    }).join('');
    return `<svg class="barchart" viewBox="0 0 ${width} ${h}" width="100%" role="img">${items}</svg>`;
  }

  // Column chart over time: rows [{label, value}] in order.
  function columns(rows, { width = 520, height = 200, color = '#a3201d' } = {}) {
    if (!rows.length) return '<p class="muted">Không có dữ liệu.</p>';
    const max = Math.max(...rows.map(r => r.value), 1);
    const left = 36, bottom = 34, plotW = width - left - 6, plotH = height - bottom - 8;
    const step = plotW / rows.length, bw = Math.max(2, step * .75);
    const every = Math.ceil(rows.length / 12);
    const cols = rows.map((r, i) => {
      const h = Math.max(1, Math.round(plotH * r.value / max)), x = left + i * step + (step - bw) / 2, y = 8 + plotH - h;
      const tick = i % every === 0 ? `<text x="${x + bw / 2}" y="${height - bottom + 14}" font-size="10" text-anchor="middle">${esc(r.label)}</text>` : '';
      return `<g class="bar"><title>${esc(r.label)}: ${r.value}</title><rect x="${x}" y="${y}" width="${bw}" height="${h}" fill="${color}"/>${tick}</g>`;
    }).join('');
    const axis = `<line x1="${left}" y1="${8 + plotH}" x2="${width - 6}" y2="${8 + plotH}" stroke="#999"/>` +
      `<text x="${left - 4}" y="14" font-size="10" text-anchor="end">${max}</text><text x="${left - 4}" y="${8 + plotH}" font-size="10" text-anchor="end">0</text>`;
    return `<svg class="columnchart" viewBox="0 0 ${width} ${height}" width="100%" role="img">${axis}${cols}</svg>`;
  }

  function table(columns, rows) {
    return `<table><thead><tr>${columns.map(c => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>` +
      rows.map(r => `<tr>${r.map(v => `<td>${v}</td>`).join('')}</tr>`).join('') + '</tbody></table>';
  }

  document.addEventListener('DOMContentLoaded', header);
  return { LEVEL, RELATION, TYPE, FIELD, REL_COLOR, esc, label, params, api, showError, docLink, docMeta, fmtDate, bars, columns, table };
})();
