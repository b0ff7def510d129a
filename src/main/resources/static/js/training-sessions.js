// The session planner of a provider taking up an order: "添加一次课" adds an empty row like the last one (the form
// works without this script, with the rows the server rendered).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('add-session');
    var body = document.querySelector('#session-planner tbody');
    if (!button || !body) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var rows = body.querySelectorAll('tr.session-row');
      var last = rows[rows.length - 1];
      var row = last.cloneNode(true);
      row.querySelectorAll('input').forEach(function (input) {
        input.value = input.name === 'sessionPlace' || input.name === 'sessionStart' || input.name === 'sessionEnd'
          ? last.querySelector('input[name="' + input.name + '"]').value : '';
        input.classList.remove('is-invalid');
      });
      row.querySelectorAll('.invalid-feedback').forEach(function (e) { e.remove(); });
      row.querySelector('.session-number').textContent = String(rows.length + 1);
      body.appendChild(row);
      row.querySelector('input[name="sessionDate"]').focus();
    });
  });
})();
