export type { DefaultInput, EnumInput, FieldInput, LifecycleInput, Located, RootObjectInput, SchemaFileInput } from './model';
export { parseSchemaFile, type ParseResult } from './schema-file';
