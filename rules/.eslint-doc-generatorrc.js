/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  pathRuleDoc: 'docs/{name}.md',
  pathRuleList: ['../README.md', 'README.md'],
  ignoreConfig: ['all'],
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  ruleDocTitleFormat: 'prefix-name',
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'hasSuggestions',
    'fixable',
    'requiresTypeChecking',
  ],
  urlConfigs: 'https://github.com/faultline-dev/faultline#configs',
};
