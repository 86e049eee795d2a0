/**
 * Shared test setup. UI tests wait for what the pane renders after simulated Excel round trips;
 * Testing Library's default of 1 s per wait is too tight when the whole suite shares two cores,
 * so waits may take up to 15 s (a passing wait returns as soon as the element appears).
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 15000 });
