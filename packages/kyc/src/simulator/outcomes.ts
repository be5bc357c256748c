import type { KycOverall } from '../provider';

/** The check results iDenfy reports beside `overall`. */
export interface SimChecks {
  autoDocument: string | null;
  autoFace: string | null;
  manualDocument: string | null;
  manualFace: string | null;
  suspicionReasons: string[];
  denyReasons: string[];
  fraudTags: string[];
  mismatchTags: string[];
}

const NONE: SimChecks = {
  autoDocument: null,
  autoFace: null,
  manualDocument: null,
  manualFace: null,
  suspicionReasons: [],
  denyReasons: [],
  fraudTags: [],
  mismatchTags: [],
};

const PASSED = { autoDocument: 'DOC_VALIDATED', autoFace: 'FACE_MATCH' };

/** Plausible fake check results for an outcome; manual fields stay empty until a result is final. */
export function checksFor(overall: KycOverall, final: boolean): SimChecks {
  const manual = (document: string, face: string) =>
    final ? { manualDocument: document, manualFace: face } : { manualDocument: null, manualFace: null };
  switch (overall) {
    case 'APPROVED':
      return { ...NONE, ...PASSED, ...manual('DOC_VALIDATED', 'FACE_MATCH') };
    case 'SUSPECTED':
      // Checks passed, but tags were raised: the integrator decides.
      return {
        ...NONE,
        ...PASSED,
        ...manual('DOC_VALIDATED', 'FACE_MATCH'),
        suspicionReasons: ['DUPLICATE_FACE'],
        fraudTags: ['DUPLICATE_FACE'],
        mismatchTags: ['DOB'],
      };
    case 'DENIED':
      return {
        ...NONE,
        autoDocument: 'DOC_VALIDATED',
        autoFace: 'FACE_MISMATCH',
        ...manual('DOC_VALIDATED', 'FACE_MISMATCH'),
        denyReasons: ['FACE_MISMATCH'],
      };
    case 'REVIEWING':
      return { ...NONE, ...PASSED };
    case 'ACTIVE':
    case 'EXPIRED':
      return { ...NONE };
  }
}
