// The console's behaviour, for every page (CSP: no inline scripts; words come from data- attributes the server
// rendered in the page's language): searchable pickers (tom-select), the region cascader, confirmation of
// irreversible steps, and the same again for content htmx swaps in.
(function () {
  'use strict';

  function pickers(root) {
    if (typeof TomSelect === 'undefined') {
      return;
    }
    root.querySelectorAll('select[data-picker]').forEach(function (select) {
      if (select.tomselect) {
        return;
      }
      var options = {
        maxOptions: 50,
        allowEmptyOption: true,
        create: false,
        render: {
          no_results: function () {
            return '<div class="no-results">' + (select.dataset.noResults || '—') + '</div>';
          }
        }
      };
      if (select.multiple) {
        options.plugins = ['remove_button'];
      }
      var source = select.dataset.source;
      if (source) {
        options.valueField = 'value';
        options.labelField = 'text';
        options.searchField = ['text', 'value'];
        options.shouldLoad = function (query) { return query.length >= 1; };
        options.load = function (query, callback) {
          var url = source + (source.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(query);
          fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(callback, function () { callback(); });
        };
        options.render.loading = function () {
          return '<div class="spinner-border spinner-border-sm m-2" role="status"></div>';
        };
      }
      new TomSelect(select, options);
    });
  }

  // A region cascader: one select per level below what the reader's scope fixes; the hidden input holds the
  // deepest region chosen (or, where a partial choice is allowed, the deepest level chosen so far).
  function cascaders(root) {
    root.querySelectorAll('[data-region-picker]').forEach(function (picker) {
      if (picker.dataset.ready) {
        return;
      }
      picker.dataset.ready = '1';
      var hidden = picker.querySelector('[data-region-value]');
      var partial = picker.dataset.partial === 'true';
      var levels = Array.prototype.slice.call(picker.querySelectorAll('select[data-region-level]'));
      levels.forEach(function (select, index) {
        select.addEventListener('change', function () {
          for (var i = index + 1; i < levels.length; i++) {
            clear(levels[i]);
          }
          var chosen = select.value;
          var above = index > 0 ? levels[index - 1].value : picker.dataset.root;
          hidden.value = chosen || (partial ? (above || '') : '');
          hidden.dispatchEvent(new Event('change', { bubbles: true }));
          var next = levels[index + 1];
          if (chosen && next) {
            fetch(picker.dataset.children.replace('{code}', chosen), { credentials: 'same-origin' })
              .then(function (response) { return response.ok ? response.json() : []; })
              .then(function (children) {
                children.forEach(function (child) {
                  var option = document.createElement('option');
                  option.value = child.code;
                  option.textContent = child.name;
                  next.appendChild(option);
                });
                next.disabled = children.length === 0;
              });
          }
        });
      });

      function clear(select) {
        while (select.options.length > 1) {
          select.remove(1);
        }
        select.disabled = true;
      }
    });
  }

  // <form data-confirm="…">, <button data-confirm="…"> or htmx's hx-confirm: the step happens only after the
  // reader confirms it in a dialog that says what cannot be undone.
  function ask(text, proceed) {
    var dialog = document.getElementById('confirm-dialog');
    // Tabler's bundle carries Bootstrap's components as window.tabler; plain Bootstrap as window.bootstrap
    var kit = window.bootstrap || (window.tabler && (window.tabler.Modal ? window.tabler : window.tabler.bootstrap)) || {};
    var Modal = kit.Modal;
    if (!dialog || !Modal) {
      if (window.confirm(text)) {
        proceed();
      }
      return;
    }
    document.getElementById('confirm-text').textContent = text;
    var modal = Modal.getOrCreateInstance(dialog);
    var ok = document.getElementById('confirm-ok');
    var handler = function () {
      ok.removeEventListener('click', handler);
      modal.hide();
      proceed();
    };
    ok.addEventListener('click', handler);
    dialog.addEventListener('hidden.bs.modal', function () { ok.removeEventListener('click', handler); }, { once: true });
    modal.show();
  }

  function confirmations() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      var submitter = event.submitter;
      var text = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
      if (!text || form.dataset.confirmed === '1') {
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      ask(text, function () {
        form.dataset.confirmed = '1';
        if (submitter && submitter.name) {
          var carried = document.createElement('input');
          carried.type = 'hidden';
          carried.name = submitter.name;
          carried.value = submitter.value;
          form.appendChild(carried);
        }
        form.submit();
      });
    }, true);
    document.body.addEventListener('htmx:confirm', function (event) {
      if (!event.detail.question) {
        return;
      }
      event.preventDefault();
      ask(event.detail.question, function () { event.detail.issueRequest(true); });
    });
  }

  // A select that submits its filter form when changed (list filters without a button press)
  function autoSubmit(root) {
    root.querySelectorAll('[data-submit-on-change]').forEach(function (field) {
      if (field.dataset.autoReady) {
        return;
      }
      field.dataset.autoReady = '1';
      field.addEventListener('change', function () {
        if (field.form) {
          field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
        }
      });
    });
  }

  function init(root) {
    pickers(root);
    cascaders(root);
    autoSubmit(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    init(document);
    confirmations();
    document.body.addEventListener('htmx:afterSwap', function (event) { init(event.target); });
  });
})();
