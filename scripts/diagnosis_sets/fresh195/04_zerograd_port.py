"""PyTorch port of wn_numpy.py: a small WaveNet for next-value prediction.

Dilated causal convolutions as nn.Conv1d(padding=d*(k-1)) with the extra right-hand outputs
cropped off (out[..., :-pad]), so output t sees inputs t and t - d only.

Parameters, with the NumPy names:
    inp.weight (8, 1, 1) = Win,  inp.bias = b_in
    filt.l.weight (8, 8, 2) = Wf{l},  gate.l.weight = Wg{l}  (and biases)
    res.l.weight (8, 8, 1) = Wr{l} (l = 0, 1),  skip.l.weight (12, 8, 1) = Ws{l}
    out.weight (1, 12, 1) = Wo,  out.bias = bo
Training: F.mse_loss, torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class WaveNet(nn.Module):
    def __init__(self, in_ch=1, res_ch=8, skip_ch=12, kernel=2, dilations=(1, 2, 4)):
        super().__init__()
        self.pads = [d * (kernel - 1) for d in dilations]
        self.inp = nn.Conv1d(in_ch, res_ch, 1)
        self.filt = nn.ModuleList(nn.Conv1d(res_ch, res_ch, kernel, dilation=d, padding=p)
                                  for d, p in zip(dilations, self.pads))
        self.gate = nn.ModuleList(nn.Conv1d(res_ch, res_ch, kernel, dilation=d, padding=p)
                                  for d, p in zip(dilations, self.pads))
        self.res = nn.ModuleList(nn.Conv1d(res_ch, res_ch, 1) for _ in dilations[:-1])
        self.skip = nn.ModuleList(nn.Conv1d(res_ch, skip_ch, 1) for _ in dilations)
        self.out = nn.Conv1d(skip_ch, 1, 1)

    def forward(self, X):
        x = self.inp(X)
        skip = 0
        for l, pad in enumerate(self.pads):
            f = self.filt[l](x)[..., :-pad]
            g = self.gate[l](x)[..., :-pad]
            z = torch.tanh(f) * torch.sigmoid(g)
            skip = skip + self.skip[l](z)
            if l < len(self.res):
                x = x + self.res[l](z)
        return self.out(F.relu(skip))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
