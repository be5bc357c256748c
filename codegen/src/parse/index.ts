export type {
  DefaultInput,
  EnumInput,
  FieldInput,
  LifecycleInput,
  Located,
  RootObjectInput,
  SchemaFileInput,
  ValueTypeInput,
} from './model';
export { parseOschema } from './oschema/parse-oschema';
export { type ParseResult, parseSchemaFile } from './schema-file';
export { isSchemaFile, OVERLAY_SUFFIX, parseSources, type SchemaSource } from './sources';
