export {
  type CreateTestDatabaseOptions,
  createTestDatabase,
  type TestDatabase,
} from './create-test-database';
export { type DedicatedPostgres, startDedicatedPostgres } from './dedicated-postgres';
export { ADMIN_URL_KEY } from './provided';
