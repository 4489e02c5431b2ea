// Which comments the local models leave to their emoji: written in a language
// they cannot read.
import { expect } from "chai";
import { isForeignText } from "../../src/ai/local/foreignText";
import { tokenize } from "../../src/ai/local/tokenize";

const foreign = (text: string): boolean => isForeignText(tokenize(text));

describe("isForeignText", () => {
  it("reads a comment mostly in another script as foreign, whatever English words it borrows", () => {
    expect(foreign("항상 메이크업을 완벽하게 소화하는 소이 asmr 좋아해주셔서")).to.equal(true);
    expect(foreign("Alexander ने fricis को बहुत बुरी तरह हराया.")).to.equal(true);
    expect(foreign("Обажаю музыку 60х-70х ! Вечная!")).to.equal(true);
    expect(foreign("Next GTA 5 video 😘 এর")).to.equal(false);
  });

  it("reads Latin-script comments by the letters English does not use, not by one loan word", () => {
    expect(foreign("Você é muito criativa parabéns")).to.equal(true);
    expect(foreign("C'est le jeu de l'année sérieux il est incroyable hâte de le tester")).to.equal(true);
    expect(foreign("Đó giờ cx thắc mắc, một video quá hay")).to.equal(true);
    expect(foreign("Loved the café scene, and the Pokémon cameo!")).to.equal(false);
    expect(foreign("smasung sucks.apple rulez")).to.equal(false);
    expect(foreign("😍😍")).to.equal(false);
  });
});
