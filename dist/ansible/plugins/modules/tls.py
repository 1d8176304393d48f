#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, pftls developers
# Apache License 2.0 (see LICENSE in the collection, or https://www.apache.org/licenses/LICENSE-2.0)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
---
module: tls
short_description: Enable TLS in the Postfix SMTP server and client with pftls
description:
  - Runs pftls (the Postfix TLS tool, which must be installed on the managed host) to enable
    opportunistic TLS in the Postfix SMTP server and client, or to deploy an existing certificate
    and key, and returns what it did as data (files created, main.cf settings, messages, TLSA records).
  - Idempotent. With I(merge=true), the server gets a new key and self-signed certificate only for
    the requested algorithms that have no usable key and certificate deployed (pftls
    C(enable-server --merge --keep-usable)); settings already made are kept. A second run with the
    same options reports C(changed=false) and creates nothing.
  - Check mode runs pftls with C(--dry-run) and reports what would change; diff mode returns the
    main.cf diff of each step.
  - Any refusal of pftls fails the task with pftls's one-line message, which names the problem and the fix.
  - pftls's warnings (for instance about a kept key that others can read) are shown as task warnings.
version_added: 0.1.0
author:
  - pftls developers (@pftls)
requirements:
  - pftls 0.1.0 or later on the managed host (its C(--json) output)
options:
  config_dir:
    description:
      - The Postfix configuration directory (pftls C(-c)). Default, as pftls chooses it
        C($MAIL_CONFIG), else the installed Postfix's C(config_directory), else C(/etc/postfix).
    type: path
  server:
    description:
      - C(enabled) makes sure the SMTP server offers STARTTLS with a usable key and certificate of
        each of I(algorithms) (or deploys I(cert) and I(key)); C(unchanged) leaves the server alone.
    type: str
    choices: [enabled, unchanged]
    default: enabled
  client:
    description:
      - C(enabled) makes sure the SMTP client uses opportunistic TLS (pftls C(enable-client));
        C(unchanged) leaves the client alone.
    type: str
    choices: [enabled, unchanged]
    default: enabled
  algorithms:
    description:
      - The server key algorithms to have deployed. Ignored when I(cert) and I(key) are given.
    type: list
    elements: str
    choices: [rsa, ecdsa]
    default: [rsa, ecdsa]
  hostnames:
    description:
      - Host names for new self-signed certificates (the first is the CommonName) and for the
        returned TLSA records. Default, Postfix's C(myhostname).
    type: list
    elements: str
    default: []
  merge:
    description:
      - On an instance whose TLS settings are not all at their defaults, change only what is
        missing (pftls C(--merge), and C(--keep-usable) for the server), never lowering a security
        level that is set. With C(false), such an instance is left alone, as C(postfix tls) does, and
        the task reports pftls's suggestions as a warning.
    type: bool
    default: true
  cert:
    description:
      - A certificate (chain) file to deploy with I(key) (pftls C(deploy-server-cert), with its
        checks that key and certificate match and the chain is in order). Relative names are
        relative to the configuration directory. Deploying turns server TLS on when it is off.
    type: path
  key:
    description:
      - The private key of I(cert).
    type: path
  force:
    description:
      - Pass C(--force) to C(deploy-server-cert) (with a pftls that has it, to deploy despite a
        refusal that it lets one override). Only with I(cert) and I(key).
    type: bool
    default: false
  executable:
    description:
      - The pftls program, a name looked up on the PATH or a path.
    type: str
    default: pftls
notes:
  - Supports check mode and diff mode.
  - Reloading Postfix is left to a handler (C(postfix reload)); the task reports C(changed) when it is needed.
  - When I(cert) and I(key) name the files main.cf already deploys, the task changes nothing even
    if their content changed; the task that replaced the files should notify the reload handler.
seealso:
  - module: pftls.postfix.tls_info
'''

EXAMPLES = r'''
- name: Opportunistic TLS in the server (RSA and ECDSA) and the client
  pftls.postfix.tls:
  register: tls
  notify: Reload Postfix

- name: Only the server, ECDSA only, for a given name, on a second instance
  pftls.postfix.tls:
    config_dir: /etc/postfix-out
    client: unchanged
    algorithms: [ecdsa]
    hostnames: [mx1.example.org]

- name: Deploy a certificate from elsewhere
  pftls.postfix.tls:
    cert: /etc/postfix/mx.example.org.chain.pem
    key: /etc/postfix/mx.example.org.key
    client: unchanged
'''

RETURN = r'''
changed:
  description: Whether a step changed something (in check mode, would change something).
  returned: always
  type: bool
steps:
  description: The JSON object of each pftls run, in order (schema in the pftls README, "JSON output").
  returned: always
  type: list
  elements: dict
files_created:
  description: The files created by all steps (keys, certificates, backups of main.cf), each with
    C(path), C(mode) and C(kind) (C(private_key), C(certificate), C(backup)); in check mode, those that would be.
  returned: always
  type: list
  elements: dict
  sample: [{"path": "/etc/postfix/eckey-20261125-120000.pem", "mode": "0600", "kind": "private_key"}]
settings:
  description: Every main.cf parameter the steps decided about, with C(name), C(old), C(new),
    C(action) (C(added), C(changed), C(kept)) and C(reason).
  returned: always
  type: list
  elements: dict
messages:
  description: The messages of all steps (C(level), C(text)), as pftls prints and logs them.
  returned: always
  type: list
  elements: dict
backups:
  description: The copies of main.cf taken before each change.
  returned: always
  type: list
  elements: str
tlsa:
  description:
    - TLSA 3 1 1 records of the server keys deployed after the task (pftls C(output-server-tlsa
      --json)), each with C(owner), C(host), C(usage), C(selector), C(matching_type), C(data),
      C(record), C(key_file) and C(algorithm), for publishing with a DNS module.
    - In check mode, those of the deployed keys when the run would make no new key; otherwise
      none (new keys are not known before they are made). Empty when the server is left unchanged.
  returned: always
  type: list
  elements: dict
  sample: [{"owner": "_25._tcp.mx.example.org.", "usage": 3, "selector": 1, "matching_type": 1,
            "data": "4c3a...", "record": "_25._tcp.mx.example.org. IN TLSA 3 1 1 4c3a..."}]
msg:
  description: A one-line summary.
  returned: always
  type: str
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.pftls.postfix.plugins.module_utils.pftls import PftlsRunner, fail_with


def steps_for(params):
    """The pftls command lines (without -c and --json) the options ask for, in order."""
    steps = []
    if params['server'] == 'enabled':
        if params['cert']:
            args = ['deploy-server-cert']
            if params['force']:
                args.append('--force')
            steps.append(args + [params['cert'], params['key']])
        else:
            args = ['enable-server', '-a', ','.join(params['algorithms'])]
            if params['merge']:
                args.extend(['--merge', '--keep-usable'])
            steps.append(args + list(params['hostnames']))
    if params['client'] == 'enabled':
        args = ['enable-client']
        if params['merge']:
            args.append('--merge')
        steps.append(args)
    return steps


def deployed_tlsa(module, runner, hostnames):
    """The TLSA records of the deployed server keys; none (with a warning) when pftls finds no usable key."""
    args = ['output-server-tlsa', '--json']
    if hostnames:
        args.extend(['-h', hostnames[0]])
    rc, data = runner.run(args)
    if runner.is_error(data):
        module.warn('no TLSA records: %s' % data.get('error'))
        return []
    return data.get('tlsa', [])


def main():
    module = AnsibleModule(
        argument_spec=dict(
            config_dir=dict(type='path'),
            server=dict(type='str', choices=['enabled', 'unchanged'], default='enabled'),
            client=dict(type='str', choices=['enabled', 'unchanged'], default='enabled'),
            algorithms=dict(type='list', elements='str', choices=['rsa', 'ecdsa'], default=['rsa', 'ecdsa']),
            hostnames=dict(type='list', elements='str', default=[]),
            merge=dict(type='bool', default=True),
            cert=dict(type='path'),
            key=dict(type='path', no_log=False),
            force=dict(type='bool', default=False),
            executable=dict(type='str', default='pftls'),
        ),
        required_together=[('cert', 'key')],
        supports_check_mode=True,
    )
    p = module.params
    if p['force'] and not p['cert']:
        module.fail_json(msg='force applies to deploying cert and key; give cert and key, or leave force out')
    if p['cert'] and p['server'] != 'enabled':
        module.fail_json(msg='cert and key deploy a certificate in the server: set server to enabled, or leave'
                             ' cert and key out')
    if not p['algorithms'] and p['server'] == 'enabled' and not p['cert']:
        module.fail_json(msg='algorithms is empty: name rsa, ecdsa or both')

    runner = PftlsRunner(module, p['executable'], p['config_dir'])
    result = dict(changed=False, steps=[], files_created=[], settings=[], messages=[], backups=[], tlsa=[])
    diffs = []
    new_keys = False
    for args in steps_for(p):
        args = args[:1] + (['--dry-run'] if module.check_mode else []) + ['--json'] + args[1:]
        rc, data = runner.run(args)
        if runner.is_error(data):
            fail_with(module, data, rc, **result)
        data.pop('_cmd', None)
        result['steps'].append(data)
        result['changed'] = result['changed'] or bool(data.get('changed'))
        result['files_created'].extend(data.get('files_created', []))
        result['settings'].extend(data.get('settings', []))
        result['messages'].extend(data.get('messages', []))
        for m in data.get('messages', []):
            if m.get('level') == 'warning':
                module.warn('%s: %s' % (args[0], m.get('text')))
        if data.get('backup'):
            result['backups'].append(data['backup'])
        new_keys = new_keys or any(f.get('kind') == 'private_key' for f in data.get('files_created', []))
        if not data.get('changed') and not data.get('main_cf') and args[0] != 'deploy-server-cert':
            # pftls left a non-default instance alone (merge=false): say so, with its suggestions
            if not p['merge'] and any('no changes made' in m.get('text', '') for m in data.get('messages', [])):
                module.warn('%s: %s' % (args[0], ' '.join(m['text'].strip() for m in data['messages'][:4])))
        main_cf = data.get('main_cf')
        if module._diff and main_cf:
            diffs.append(dict(before_header='%s (before %s)' % (main_cf['path'], args[0]),
                              after_header='%s (after %s)' % (main_cf['path'], args[0]),
                              before=main_cf['before'], after=main_cf['after']))
    if p['server'] == 'enabled' and not (module.check_mode and new_keys):
        result['tlsa'] = deployed_tlsa(module, runner, p['hostnames'])
    if diffs:
        result['diff'] = diffs
    made = len([f for f in result['files_created'] if f.get('kind') != 'backup'])
    changed_settings = len([s for s in result['settings'] if s.get('action') != 'kept'])
    verb = 'would change' if module.check_mode else 'changed'
    result['msg'] = ('%s %d main.cf setting(s), %d new file(s)' % (verb, changed_settings, made)
                     if result['changed'] else 'TLS already as requested; nothing changed')
    module.exit_json(**result)


if __name__ == '__main__':
    main()
