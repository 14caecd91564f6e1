import Testing
import Learning

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        // The reference algorithm from seed 0 gives 0xE220A8397B1DCDAF, then 0x6E789E6AA1B965F4.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func sameSeedSameSequence() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        #expect((0..<5).map { _ in a.next() } == (0..<5).map { _ in b.next() })
    }
}
