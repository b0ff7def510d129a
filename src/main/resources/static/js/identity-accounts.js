// The account form (identity): of the scope fields, show the one the chosen role is bound by, so the security
// administrator picks a region for an officer, a department for a department officer, an organisation for an
// enterprise, provider or school, an ID number for a worker. Without this script every field shows, labelled.
(function () {
  'use strict';

  function follow(role) {
    var form = role.form;
    var show = function () {
      var option = role.options[role.selectedIndex];
      var group = option ? option.dataset.scopeGroup : null;
      form.querySelectorAll('[data-scope-group]').forEach(function (field) {
        if (field.tagName === 'OPTION') {
          return;
        }
        field.hidden = field.dataset.scopeGroup !== group;
      });
    };
    role.addEventListener('change', show);
    show();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-account-role]').forEach(follow);
  });
})();
