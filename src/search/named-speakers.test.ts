import { describe, expect, it } from "vitest";
import { fuseBySpeaker, namedSpeakers } from "./named-speakers.js";

const speakers = ["Amara Obi", "Project Manager", "Grad B", "Jo Lee", "Zoë Brandt"];

describe("namedSpeakers", () => {
  it("finds a speaker by first name, last name or whole name, in any case and without accents", () => {
    expect(namedSpeakers("what did amara say about the rollout?", speakers)).toEqual(["Amara Obi"]);
    expect(namedSpeakers("Did Obi mention the budget", speakers)).toEqual(["Amara Obi"]);
    expect(namedSpeakers("what does Zoe think of the pilot", speakers)).toEqual(["Zoë Brandt"]);
    expect(namedSpeakers("what did the project manager decide about the remote?", speakers)).toEqual(["Project Manager"]);
    expect(namedSpeakers("what did grad b say about the recogniser?", speakers)).toEqual(["Grad B"]);
  });

  it("ignores role words alone, short name parts and names inside other words", () => {
    expect(namedSpeakers("who is the manager of the project?", speakers)).toEqual([]);
    expect(namedSpeakers("did jo say anything?", speakers)).toEqual([]); // two letters: too ambiguous alone
    expect(namedSpeakers("what about the obituary notices?", speakers)).toEqual([]);
  });
});

describe("fuseBySpeaker", () => {
  it("raises a passage the named speaker said, and keeps the rest in their order", () => {
    const ranked = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
    const spoken = [{ id: 3 }];
    expect(fuseBySpeaker(ranked, [spoken], (item) => item.id, 3).map((item) => item.id)).toEqual([3, 1, 2]);
    expect(fuseBySpeaker(ranked, [], (item) => item.id, 10).map((item) => item.id)).toEqual([1, 2, 3, 4]);
  });
});
