// The certificate designer: a box over the preview for each element, moved by dragging and resized by its corner (pointer
// events: mouse, pen and touch), snapping to a half-per-cent grid; the number inputs stay the truth and the keyboard
// alternative. After a change the preview is drawn again (debounced) from the form, through POST /app/designs/preview.png.
(function () {
  var form = document.querySelector('form[data-designer]');
  var stage = document.getElementById('stage');
  var preview = document.getElementById('design-preview');
  if (!form || !stage || !preview || !document.getElementById('preview-status')) { return; }
  var status = document.getElementById('preview-status');
  var GRID = 0.5;
  var boxes = [];
  var timer = null;
  var busy = false;
  var again = false;

  function landscape() { return form.elements.orientation.value !== 'portrait'; }
  // the page in points (A4): a text's size is in points, its box a fraction of the page height
  function pageHeight() { return landscape() ? 595 : 842; }
  function pageAspect() { return landscape() ? 842 / 595 : 595 / 842; }
  function snap(v) { return Math.round(v / GRID) * GRID; }
  function num(input) { var v = parseFloat(input && input.value); return isNaN(v) ? 0 : v; }
  function field(el, name) { return el.querySelector('[data-box="' + name + '"]'); }

  // the element's box on the page, in per cent: left, top, width, height
  function rect(el) {
    var type = el.dataset.type, x = num(field(el, 'x')), y = num(field(el, 'y')), w = num(field(el, 'w')), h = num(field(el, 'h'));
    if (type === 'text') {
      var size = num(el.querySelector('[data-size]')) || 12;
      var align = (el.querySelector('[data-align]') || {}).value || 'left';
      var height = size * 1.25 / pageHeight() * 100;
      var left = align === 'center' ? x - w / 2 : align === 'right' ? x - w : x;
      return {left: left, top: y - height * 0.8, width: w, height: height};
    }
    if (type === 'circle') {
      var rx = w / pageAspect();
      return {left: x - rx, top: y - w, width: 2 * rx, height: 2 * w};
    }
    if (type === 'line') {
      return {left: Math.min(x, x + w), top: Math.min(y, y + h) - 0.5, width: Math.abs(w), height: Math.abs(h) + 1};
    }
    return {left: x, top: y, width: w, height: h};
  }

  // shown within the page: a text as wide as the page, centred off its middle, would stick out
  function place(box) {
    var r = rect(box.el);
    var left = Math.max(0, r.left), top = Math.max(0, r.top);
    var right = Math.min(100, r.left + r.width), bottom = Math.min(100, r.top + r.height);
    box.node.style.left = left + '%';
    box.node.style.top = top + '%';
    box.node.style.width = Math.max(right - left, 0.5) + '%';
    box.node.style.height = Math.max(bottom - top, 0.5) + '%';
  }

  function select(box) {
    boxes.forEach(function (b) { b.node.classList.toggle('selected', b === box); });
    if (box && !box.el.open) { box.el.open = true; }
  }

  function set(input, value) {
    if (!input) { return; }
    input.value = String(snap(value));
  }

  function drag(box, event, resizing) {
    event.preventDefault();
    select(box);
    var area = stage.getBoundingClientRect();
    var startX = event.clientX, startY = event.clientY;
    var el = box.el;
    var start = {x: num(field(el, 'x')), y: num(field(el, 'y')), w: num(field(el, 'w')), h: num(field(el, 'h'))};
    var centred = el.dataset.type === 'text' && (el.querySelector('[data-align]') || {}).value === 'center';
    var target = event.target;
    target.setPointerCapture(event.pointerId);
    function move(e) {
      var dx = (e.clientX - startX) / area.width * 100;
      var dy = (e.clientY - startY) / area.height * 100;
      if (resizing) {
        if (el.dataset.type === 'circle') {
          set(field(el, 'w'), Math.max(0.5, start.w + dy / 2));
        } else {
          set(field(el, 'w'), Math.max(0.5, start.w + (centred ? 2 * dx : dx)));
          set(field(el, 'h'), Math.max(el.dataset.type === 'line' ? 0 : 0.5, start.h + dy));
        }
      } else {
        set(field(el, 'x'), Math.min(100, Math.max(0, start.x + dx)));
        set(field(el, 'y'), Math.min(100, Math.max(0, start.y + dy)));
      }
      place(box);
    }
    function up(e) {
      target.releasePointerCapture(e.pointerId);
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      later();
    }
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  }

  form.querySelectorAll('details[data-element]').forEach(function (el) {
    if (!field(el, 'x')) { return; }
    var node = document.createElement('div');
    node.className = 'box';
    node.dataset.index = el.dataset.element;
    // the boxes are a pointer shortcut; keyboard users have the number inputs they mirror
    node.setAttribute('aria-hidden', 'true');
    var grip = document.createElement('div');
    grip.className = 'grip';
    node.appendChild(grip);
    var box = {el: el, node: node};
    node.addEventListener('pointerdown', function (e) {
      if (e.target === grip) { return; }
      drag(box, e, false);
    });
    grip.addEventListener('pointerdown', function (e) { e.stopPropagation(); drag(box, e, true); });
    el.addEventListener('toggle', function () { if (el.open) { select(box); } });
    stage.appendChild(node);
    boxes.push(box);
    place(box);
  });

  // a colour picker beside each colour field (which also takes primary and accent, the branding's colours)
  form.querySelectorAll('input[data-colour]').forEach(function (text) {
    var picker = document.createElement('input');
    picker.type = 'color';
    var label = form.querySelector('label[for="' + text.id + '"]');
    picker.setAttribute('aria-label', (label ? label.textContent : '') + ' ' + (text.dataset.colourPicker || ''));
    if (/^#[0-9a-fA-F]{6}$/.test(text.value)) { picker.value = text.value.toLowerCase(); }
    picker.addEventListener('input', function () {
      text.value = picker.value;
      text.dispatchEvent(new Event('input', {bubbles: true}));
    });
    text.addEventListener('input', function () { if (/^#[0-9a-fA-F]{6}$/.test(text.value)) { picker.value = text.value.toLowerCase(); } });
    text.insertAdjacentElement('afterend', picker);
  });

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    var data = new FormData(form);
    // images travel only when saved or added: the preview draws the design as it is
    Array.from(data.keys()).forEach(function (key) { if (data.get(key) instanceof File) { data.delete(key); } });
    data.set('action', 'preview');
    fetch('/app/designs/preview.png', {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) {
          // the design as typed cannot be drawn (a colour half typed …): say why, keep the last preview
          return response.json().then(function (problem) { throw new Error(problem.detail || String(response.status)); });
        }
        status.textContent = '';
        return response.blob();
      })
      .then(function (blob) {
        // the page's policy allows data: images, not blob: ones
        var reader = new FileReader();
        reader.onload = function () { preview.src = reader.result; };
        reader.readAsDataURL(blob);
      })
      .catch(function (error) { preview.style.opacity = '0.5'; status.textContent = error.message; })
      .then(function () {
        busy = false;
        if (!preview.style.opacity || preview.style.opacity === '1') { preview.style.opacity = ''; }
        if (again) { again = false; refresh(); }
      });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { preview.style.opacity = ''; refresh(); }, 450);
  }

  form.addEventListener('input', function () { boxes.forEach(place); later(); });
  form.addEventListener('change', function () { boxes.forEach(place); later(); });
}());
