"""What ansible-test's validate-modules checks first, without its PyPI requirements: each module's
DOCUMENTATION options are exactly its argument_spec (names, type, default, choices, elements,
required), and EXAMPLES and RETURN are YAML. Usage: python3 argspec_matches_docs.py COLLECTIONS_ROOT
(the directory holding ansible_collections/). Prints one line per problem; exit 1 if any."""
import importlib
import sys

import yaml

import ansible.module_utils.basic as basic


class Captured(Exception):
    def __init__(self, spec, kwargs):
        super().__init__('captured')
        self.spec = spec
        self.kwargs = kwargs


class CaptureModule(object):
    def __init__(self, argument_spec, **kwargs):
        raise Captured(argument_spec, kwargs)


def main(root):
    sys.path.insert(0, root)
    basic.AnsibleModule = CaptureModule
    problems = []
    for name in ('tls', 'tls_info'):
        mod = importlib.import_module('ansible_collections.pftls.postfix.plugins.modules.' + name)
        docs = yaml.safe_load(mod.DOCUMENTATION)
        yaml.safe_load(mod.EXAMPLES)
        yaml.safe_load(mod.RETURN)
        mod.AnsibleModule = CaptureModule
        try:
            mod.main()
            problems.append('%s: main() did not make an AnsibleModule' % name)
            continue
        except Captured as c:
            spec = c.spec
        documented = docs.get('options', {})
        for option in sorted(set(spec) | set(documented)):
            if option not in spec:
                problems.append('%s: %s is documented but not in argument_spec' % (name, option))
                continue
            if option not in documented:
                problems.append('%s: %s is in argument_spec but not documented' % (name, option))
                continue
            s, d = spec[option], documented[option]
            for key, default in (('type', 'str'), ('default', None), ('choices', None), ('elements', None),
                                 ('required', False)):
                if s.get(key, default) != d.get(key, default):
                    problems.append('%s: %s: %s is %r in argument_spec, %r in DOCUMENTATION'
                                    % (name, option, key, s.get(key, default), d.get(key, default)))
        if docs.get('module') != name:
            problems.append('%s: DOCUMENTATION says module: %s' % (name, docs.get('module')))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
