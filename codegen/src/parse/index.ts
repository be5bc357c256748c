export type {
  DefaultInput,
  EnumInput,
  FieldInput,
  LifecycleInput,
  Located,
  RootObjectInput,
  SchemaFileInput,
} from './model';
export { type ParseResult, parseSchemaFile } from './schema-file';
