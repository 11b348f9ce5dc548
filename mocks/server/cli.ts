// `scaling-mock`: the standalone mock server (to be implemented).
export {};
