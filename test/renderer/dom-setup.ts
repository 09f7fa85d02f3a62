import { configure } from '@testing-library/react';

// findBy*/waitFor default to 1 s; on a busy 2-core CI machine a lazy page can take longer to
// appear, which is slowness, not a failure of the behaviour under test.
configure({ asyncUtilTimeout: 5000 });
