export {
  type CreateTestDatabaseOptions,
  createTestDatabase,
  type TestDatabase,
} from './create-test-database';
export { ADMIN_URL_KEY } from './provided';
