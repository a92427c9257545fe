// /app/issue: keeps the certificate preview in step with the form, a moment after the person stops typing.
(function () {
  var form = document.getElementById('issue-form');
  var img = document.getElementById('certificate-preview');
  if (!form || !img) {
    return;
  }
  var timer = null;
  function value(name) {
    var field = form.elements[name];
    return field ? field.value.trim() : '';
  }
  function update() {
    var src = '/app/preview/certificate.png?achievement=' + encodeURIComponent(value('achievementId'))
      + '&name=' + encodeURIComponent(value('name'))
      + '&issued=' + encodeURIComponent(value('issued'))
      + '&grade=' + encodeURIComponent(value('grade'));
    if (img.getAttribute('src') !== src) {
      img.setAttribute('src', src);
    }
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 400);
  }
  form.addEventListener('input', later);
  form.addEventListener('change', later);
})();
