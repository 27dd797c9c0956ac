/** The address of each change an operator can make to an authority: suspend, resume or offboard. */
import type { ParamMatcher } from '@sveltejs/kit';
import { isAuthorityChange } from '$lib/operator/authority-forms';

export const match: ParamMatcher = (param) => isAuthorityChange(param);
