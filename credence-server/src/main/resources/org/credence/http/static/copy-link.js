// The credential page's "Copy link" button. Progressive: without JavaScript the link is still there to select and copy.
(function () {
  var field = document.getElementById('copy-link');
  if (!field) { return; }
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.id = 'copy-button';
  button.textContent = field.dataset.copy;
  // the server cannot see a copy: the beacon counts it as a share on the copy_link channel, once per page view
  var counted = false;
  var count = function () {
    if (counted) { return; }
    counted = true;
    fetch('/t/' + encodeURIComponent(field.dataset.number), {method: 'POST', keepalive: true, headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({type: 'share_click', channel: 'copy_link'})}).catch(function () {});
  };
  field.addEventListener('focus', function () { field.select(); });
  field.addEventListener('copy', count);
  button.addEventListener('click', function () {
    count();
    var done = function () { button.textContent = field.dataset.copied; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done);
    } else {
      // plain-http installations have no Clipboard API: the older way still works there
      field.select();
      if (document.execCommand('copy')) { done(); }
    }
  });
  field.insertAdjacentElement('afterend', button);
})();
