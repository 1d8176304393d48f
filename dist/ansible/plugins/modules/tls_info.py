#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, pftls developers
# Apache License 2.0 (see LICENSE in the collection, or https://www.apache.org/licenses/LICENSE-2.0)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: tls_info
short_description: The TLS state of a Postfix instance, from pftls
description:
  - Returns pftls C(status --json) (settings, deployed keys and certificates, every problem found
    with its fix) and, when asked, pftls C(verify --json) (what the running server really serves),
    for audits and C(assert) tasks. Changes nothing.
  - Problems do not fail the task; they are in the result (C(ok), C(status.problems)). The task
    fails only when pftls itself fails (e.g. no such configuration directory), with its message.
version_added: 0.1.0
author:
  - pftls developers (@pftls)
requirements:
  - pftls 0.1.0 or later on the managed host; C(verify) needs a pftls with the verify subcommand
options:
  config_dir:
    description:
      - The Postfix configuration directory (pftls C(-c)). Default, as pftls chooses it.
    type: path
  verify:
    description:
      - Also run pftls C(verify --json), which connects to the local SMTP server, makes a STARTTLS
        handshake per deployed algorithm and compares what is served with what is deployed.
      - With a pftls that has no verify subcommand, C(verify) is returned as null with a warning.
    type: bool
    default: false
  verify_host:
    description:
      - The address verify connects to (pftls C(verify --host)). Default, pftls's (127.0.0.1).
    type: str
  verify_port:
    description:
      - The port verify connects to (pftls C(verify --port)). Default, pftls's (that of master.cf's smtp service).
    type: int
  verify_timeout:
    description:
      - Seconds for each step of verify (pftls C(verify --timeout)).
    type: int
  executable:
    description:
      - The pftls program, a name looked up on the PATH or a path.
    type: str
    default: pftls
notes:
  - Supports check mode (it changes nothing anyway).
seealso:
  - module: pftls.postfix.tls
'''

EXAMPLES = r'''
- name: Read the TLS state
  pftls.postfix.tls_info:
    verify: true
  register: info

- name: Both algorithms deployed, no problem found, and served as deployed
  ansible.builtin.assert:
    that:
      - info.ok
      - info.status.deployed | selectattr('configured') | list | length == 2
      - info.verify is none or info.verify.ok
'''

RETURN = r'''
ok:
  description: No problem found (status, and verify when it ran).
  returned: always
  type: bool
status:
  description: The object of pftls C(status --json) (schema in the pftls README, "JSON output").
  returned: always
  type: dict
verify:
  description: The object of pftls C(verify --json), when I(verify=true) and pftls has verify; else null.
  returned: always
  type: dict
verify_available:
  description: Whether this pftls has the verify subcommand (null when I(verify=false)).
  returned: always
  type: bool
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.pftls.postfix.plugins.module_utils.pftls import PftlsRunner, fail_with


def main():
    module = AnsibleModule(
        argument_spec=dict(
            config_dir=dict(type='path'),
            verify=dict(type='bool', default=False),
            verify_host=dict(type='str'),
            verify_port=dict(type='int'),
            verify_timeout=dict(type='int'),
            executable=dict(type='str', default='pftls'),
        ),
        supports_check_mode=True,
    )
    p = module.params
    runner = PftlsRunner(module, p['executable'], p['config_dir'])
    rc, status = runner.run(['status', '--json'])
    if runner.is_error(status):
        fail_with(module, status, rc)
    status.pop('_cmd', None)
    result = dict(changed=False, ok=bool(status.get('ok')), status=status, verify=None, verify_available=None)
    if p['verify']:
        args = ['verify', '--json', '--no-record']  # an audit writes nothing on the managed host
        for option, name in (('--host', 'verify_host'), ('--port', 'verify_port'), ('--timeout', 'verify_timeout')):
            if p[name] is not None:
                args.extend([option, str(p[name])])
        rc, verify = runner.run(args)
        if runner.is_error(verify) and verify.get('kind') == 'usage' and verify.get('command') is None \
                and "unknown tls command: 'verify'" in verify.get('error', ''):
            result['verify_available'] = False
            module.warn('this pftls has no verify subcommand (pftls with issue #16 has it); verify is null')
        elif runner.is_error(verify):
            fail_with(module, verify, rc, status=status)
        else:
            verify.pop('_cmd', None)
            result['verify'] = verify
            result['verify_available'] = True
            result['ok'] = result['ok'] and bool(verify.get('ok'))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
