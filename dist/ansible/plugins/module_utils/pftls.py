# -*- coding: utf-8 -*-
# Copyright: (c) 2026, pftls developers
# Apache License 2.0 (see LICENSE in the collection, or https://www.apache.org/licenses/LICENSE-2.0)
"""Running pftls with --json on the managed host: one JSON object per run, or a clear failure."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os


class PftlsRunner(object):
    """Runs ``pftls [-c CONFIG_DIR] SUBCOMMAND ... --json`` and returns (exit status, object)."""

    def __init__(self, module, executable, config_dir):
        self.module = module
        self.config_dir = config_dir
        self.executable = self._locate(executable)

    def _locate(self, executable):
        if '/' in executable:
            if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
                self.module.fail_json(msg='pftls not found: %s is not an executable file; install pftls'
                                          ' or set the executable option' % executable)
            return executable
        found = self.module.get_bin_path(executable, required=False)
        if not found:
            self.module.fail_json(msg='pftls not found: no %s on the PATH of the managed host; install pftls'
                                      ' (its .deb or tarball) or set the executable option' % executable)
        return found

    def command(self, args):
        """The command line for ``args`` (subcommand first), with -c and --json."""
        cmd = [self.executable]
        if self.config_dir:
            cmd.extend(['-c', self.config_dir])
        cmd.extend(args)
        return cmd

    def run(self, args):
        """Runs pftls; returns (rc, the JSON object). Fails the task when the output is not one JSON object."""
        cmd = self.command(args)
        rc, out, err = self.module.run_command(cmd, check_rc=False)
        try:
            data = json.loads(out)
        except ValueError:
            data = None
        if not isinstance(data, dict) or 'ok' not in data:
            self.module.fail_json(
                msg='pftls printed no JSON object (exit status %d): %s' % (rc, (err or out or '').strip()
                                                                         or 'no output'),
                cmd=cmd, rc=rc, stdout=out, stderr=err)
        data['_cmd'] = cmd
        return rc, data

    @staticmethod
    def is_error(data):
        """True for pftls's error object: {"ok": false, "error": ...}."""
        return data.get('ok') is False and 'error' in data


def fail_with(module, data, rc, **extra):
    """Fails the task with pftls's one-line message, its object and exit status."""
    cmd = data.pop('_cmd', None)
    module.fail_json(msg=data.get('error') or 'pftls failed (exit status %d)' % rc, pftls=data, rc=rc, cmd=cmd,
                     **extra)
