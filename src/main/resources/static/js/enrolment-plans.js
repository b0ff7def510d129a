// The plan line editor (CSP: no inline scripts): add a row by copying the last one emptied, remove a row (the last
// one left is only emptied). Without this script the rows the page renders are the form.
(function () {
  'use strict';

  function empty(row) {
    row.querySelectorAll('select').forEach(function (select) { select.selectedIndex = 0; });
    row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
  }

  function wire(editor) {
    var body = editor.querySelector('tbody');
    editor.querySelector('[data-add-line]').addEventListener('click', function () {
      var rows = body.querySelectorAll('[data-plan-line]');
      var copy = rows[rows.length - 1].cloneNode(true);
      empty(copy);
      body.appendChild(copy);
      copy.querySelector('select').focus();
    });
    body.addEventListener('click', function (event) {
      var button = event.target.closest('[data-remove-line]');
      if (!button) {
        return;
      }
      var row = button.closest('[data-plan-line]');
      if (body.querySelectorAll('[data-plan-line]').length > 1) {
        row.remove();
      }
      else {
        empty(row);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-plan-lines]').forEach(wire);
  });
})();
