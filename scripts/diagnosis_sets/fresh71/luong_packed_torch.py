"""The Luong seq2seq of luong_numpy.py ported another way: nn.GRU layers (batch_first) instead of
cells, the encoder run on a pack_padded_sequence so that its final state is each row's last real
state, the decoder run over all teacher-forced steps in one call, attention with torch.einsum and
a -inf-free additive mask, the per-token losses from F.cross_entropy(reduction='none') averaged
by hand over the real target tokens, Adam from a parameter list."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

VS, VT, EMB, HID = 10, 12, 6, 8
PAD = 0


class LuongGRU(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed_src = nn.Embedding(VS, EMB)
        self.embed_tgt = nn.Embedding(VT, EMB)
        self.enc = nn.GRU(EMB, HID, batch_first=True)
        self.dec = nn.GRU(EMB, HID, batch_first=True)
        self.attn_combine = nn.Linear(2 * HID, HID, bias=False)
        self.proj = nn.Linear(HID, VT)

    def forward(self, src, tgt_in):
        lengths = (src != PAD).sum(dim=1)
        packed = pack_padded_sequence(self.embed_src(src), lengths.cpu(), batch_first=True, enforce_sorted=False)
        enc_packed, h_n = self.enc(packed)
        enc_out, _ = pad_packed_sequence(enc_packed, batch_first=True, total_length=src.shape[1])
        dec_out, _ = self.dec(self.embed_tgt(tgt_in), h_n)
        bias = torch.zeros(src.shape, dtype=enc_out.dtype, device=src.device)
        bias = bias.masked_fill(src == PAD, -1e9)
        weights = F.softmax(torch.einsum("nth,nsh->nts", dec_out, enc_out) + bias[:, None, :], dim=2)
        context = torch.einsum("nts,nsh->nth", weights, enc_out)
        return self.proj(torch.tanh(self.attn_combine(torch.cat((context, dec_out), dim=2))))


def make_optimizer(model):
    return torch.optim.Adam(list(model.parameters()), lr=1e-2, betas=(0.9, 0.98), eps=1e-8)


def train_step(model, optimizer, X, y):
    tgt_in, tgt_out = y[:, :-1], y[:, 1:]
    logits = model(X, tgt_in)
    per_token = F.cross_entropy(logits.reshape(-1, VT), tgt_out.reshape(-1), reduction="none")
    real = (tgt_out != PAD).reshape(-1).to(per_token.dtype)
    loss = (per_token * real).sum() / real.sum()
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    return loss.item()
