// The opt-in type-aware fallback: when a client instance's provenance is not visible in the file
// (a constructor parameter, an import from another module), its declared type can still say which
// client it is. Only used when a rule's option asks for it; never because types happen to exist.
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type InstanceKind, TYPE_INSTANCES } from '@faultline/catalog';

export class MissingTypeInformationError extends Error {
  constructor(rule: string, option: string) {
    super(
      `faultline/${rule}: the option \`${option}\` needs type information, and this file was linted without it. ` +
        'Turn on typed linting (languageOptions.parserOptions.projectService: true with typescript-eslint), or remove the option.',
    );
    this.name = 'MissingTypeInformationError';
  }
}

type TypeLike = {
  getSymbol():
    { getName(): string; declarations?: readonly { getSourceFile(): { fileName: string } }[] } | undefined;
  isUnion?(): boolean;
};

/** The parser services of a typed lint run, or a helpful error naming the rule and option. */
export function requireTypes(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  rule: string,
  option: string,
): ParserServices & { program: NonNullable<ParserServices['program']> } {
  const services = context.sourceCode.parserServices as ParserServices | undefined;
  if (!services?.program || !('getTypeAtLocation' in services))
    throw new MissingTypeInformationError(rule, option);
  return services as ParserServices & { program: NonNullable<ParserServices['program']> };
}

function matchType(
  type: TypeLike,
  checker: { getBaseTypes?(type: never): readonly TypeLike[] },
  depth = 0,
): InstanceKind | undefined {
  // `Client & { ping(…) }`, `AxiosInstance | undefined`: any member type that is a client.
  const parts = (type as { types?: readonly TypeLike[] }).types;
  if (parts && depth < 3) {
    for (const part of parts) {
      const found = matchType(part, checker, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const symbol = type.getSymbol();
  if (symbol) {
    const name = symbol.getName();
    const files = (symbol.declarations ?? []).map(declaration => declaration.getSourceFile().fileName);
    for (const entry of TYPE_INSTANCES) {
      if (
        entry.names.includes(name) &&
        files.some(file => entry.packages.some(folder => file.includes(folder)))
      )
        return entry.instance;
    }
  }
  // Generated gRPC stubs and AWS service clients extend a library base class.
  if (depth < 3 && checker.getBaseTypes && 'objectFlags' in (type as object)) {
    // A class instance is a reference to its class type; base types hang off the target.
    const target = (type as { target?: TypeLike }).target ?? type;
    try {
      for (const base of checker.getBaseTypes(target as never)) {
        const found = matchType(base, checker, depth + 1);
        if (found) return found;
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Which client instance an expression is, judged by its declared type. */
export function instanceKindFromType(
  services: ParserServices & { program: NonNullable<ParserServices['program']> },
  node: TSESTree.Node,
): InstanceKind | undefined {
  const type = services.getTypeAtLocation(node) as unknown as TypeLike;
  const checker = services.program.getTypeChecker() as unknown as {
    getBaseTypes?(type: never): readonly TypeLike[];
  };
  const direct = matchType(type, checker);
  if (direct) return direct;
  // A class's own type (for a `new`-able value) is not what we want; instances only.
  return undefined;
}
