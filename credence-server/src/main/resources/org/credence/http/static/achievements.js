// The achievement form's live preview: as a person types, the certificate, badge and share images are drawn again from
// the draft (debounced). Without JavaScript the form's "Show preview" button does the same with a round trip.
(function () {
  var form = document.querySelector('form[data-preview-form]');
  if (!form) { return; }
  var images = document.querySelectorAll('img[data-preview-src]');
  var achievement = (form.getAttribute('action').match(/\/app\/achievements\/(\d+)$/) || [])[1];
  var timer = null;
  function query() {
    var params = new URLSearchParams();
    if (achievement) { params.set('achievement', achievement); }
    var pairs = {kind: 'kind', title: 'name', description: 'description', design: 'design', validityDays: 'validityDays', lang: 'lang'};
    Object.keys(pairs).forEach(function (param) {
      var field = form.elements[pairs[param]];
      if (field && field.value && field.value.trim() !== '') { params.set(param, field.value.trim()); }
    });
    return params.toString();
  }
  function refresh() {
    var q = query();
    images.forEach(function (img) {
      var next = img.dataset.previewSrc + (q ? '?' + q : '');
      if (img.getAttribute('src') !== next) { img.setAttribute('src', next); }
    });
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  }
  form.addEventListener('input', later);
  form.addEventListener('change', later);
}());
