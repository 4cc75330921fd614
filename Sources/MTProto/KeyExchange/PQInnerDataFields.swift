import TL

/// The fields every `P_Q_inner_data` form shares, to build any form (client) or read any form (server).
struct PQInnerDataFields: Sendable, Equatable {
    let pq: [UInt8]
    let p: [UInt8]
    let q: [UInt8]
    let nonce: TLInt128
    let serverNonce: TLInt128
    let newNonce: TLInt256
}

extension PQInnerDataFields {
    /// Reads the shared fields of any decoded inner-data form.
    init(_ innerData: MT.PQInnerData) {
        switch innerData {
        case .pqInnerData(let value):
            self.init(pq: value.pq, p: value.p, q: value.q, nonce: value.nonce, serverNonce: value.serverNonce, newNonce: value.newNonce)
        case .pqInnerDataDc(let value):
            self.init(pq: value.pq, p: value.p, q: value.q, nonce: value.nonce, serverNonce: value.serverNonce, newNonce: value.newNonce)
        case .pqInnerDataTempDc(let value):
            self.init(pq: value.pq, p: value.p, q: value.q, nonce: value.nonce, serverNonce: value.serverNonce, newNonce: value.newNonce)
        }
    }

    /// The boxed TL bytes of the constructor `form` selects.
    func serialized(as form: PQInnerDataForm) -> [UInt8] {
        switch form {
        case .legacy:
            MT.PQInnerData.PQInnerData(pq: pq, p: p, q: q, nonce: nonce, serverNonce: serverNonce, newNonce: newNonce).serialized()
        case .permanent(let dc):
            MT.PQInnerData.PQInnerDataDc(pq: pq, p: p, q: q, nonce: nonce, serverNonce: serverNonce, newNonce: newNonce, dc: dc).serialized()
        case .temporary(let dc, let expiresIn):
            MT.PQInnerData.PQInnerDataTempDc(
                pq: pq, p: p, q: q, nonce: nonce, serverNonce: serverNonce, newNonce: newNonce, dc: dc, expiresIn: expiresIn
            ).serialized()
        }
    }
}

extension PQInnerDataForm {
    /// The form a decoded inner-data object has.
    init(_ innerData: MT.PQInnerData) {
        switch innerData {
        case .pqInnerData: self = .legacy
        case .pqInnerDataDc(let value): self = .permanent(dc: value.dc)
        case .pqInnerDataTempDc(let value): self = .temporary(dc: value.dc, expiresIn: value.expiresIn)
        }
    }
}
