CASES = []
import fresh126_cases as _m_fresh126_cases
CASES += [_m_fresh126_cases.CASES[i] for i in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]]
import fresh127_cases as _m_fresh127_cases
CASES += [_m_fresh127_cases.CASES[i] for i in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]]
import fresh64_cases as _m_fresh64_cases
CASES += [_m_fresh64_cases.CASES[i] for i in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]]
import fresh124_cases as _m_fresh124_cases
CASES += [_m_fresh124_cases.CASES[i] for i in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]]
import fresh87_cases as _m_fresh87_cases
CASES += [_m_fresh87_cases.CASES[i] for i in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]]
