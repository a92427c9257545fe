// /app/issuance-jobs/{id}: follows a running job from the API (with the page's session) until it is over,
// then reloads the page once to show its problems and final counts. Without JavaScript the Refresh link does this.
(function () {
  var section = document.getElementById('job');
  if (!section || section.getAttribute('data-over') === 'true') {
    return;
  }
  var id = section.getAttribute('data-job');
  var fields = { total: 'job-total', issued: 'job-issued', alreadyIssued: 'job-already', failed: 'job-failed', cancelled: 'job-cancelled' };
  function set(elementId, text) {
    var element = document.getElementById(elementId);
    if (element && element.textContent !== String(text)) {
      element.textContent = String(text);
    }
  }
  function poll() {
    fetch('/api/v1/issuance-jobs/' + encodeURIComponent(id), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) {
          setTimeout(poll, 5000);
          return;
        }
        var label = section.getAttribute('data-label-' + job.state);
        if (label) {
          set('job-state', label);
        }
        Object.keys(fields).forEach(function (name) { set(fields[name], job[name]); });
        var progress = document.getElementById('job-progress');
        var done = job.total - job.pending;
        progress.max = Math.max(job.total, 1);
        progress.value = job.total === 0 ? 1 : done;
        set('job-percent', Math.floor(job.progress * 100));
        if (job.state === 'finished' || job.state === 'cancelled') {
          // the page as it is now, without the "started" notice of the address it was opened with
          var here = new URL(window.location.href);
          here.searchParams.delete('notice');
          window.location.replace(here.toString());
          return;
        }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 500);
})();
