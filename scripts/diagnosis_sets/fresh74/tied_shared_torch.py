"""Another port of tied_numpy.py: the tying done by sharing the Parameter, decoder.weight =
emb.weight (so named_parameters() lists it once, as emb.weight), the decoder's own bias as the
output bias, the recurrent weight a raw (in, out) Parameter applied with torch.addmm, the learned
start state repeated over the batch, F.cross_entropy(ignore_index=0) so that the padding targets
drop out of the mean, SGD(momentum=0.9) and the halving every 8 steps as a LambdaLR.

    emb.weight = E, inp.weight = Wx.T, inp.bias = b, rec = Wh, start = h0,
    proj.weight = Wp.T, decoder.bias = bo
"""

import torch
import torch.nn.functional as F
from torch import nn

V, D, H, PAD = 13, 8, 10, 0
LR, MOMENTUM, STEP, GAMMA = 0.5, 0.9, 8, 0.5


class TiedShared(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(V, D)
        self.inp = nn.Linear(D, H)
        self.rec = nn.Parameter(torch.zeros(H, H))
        self.start = nn.Parameter(torch.zeros(H))
        self.proj = nn.Linear(H, D, bias=False)
        self.decoder = nn.Linear(D, V)
        self.decoder.weight = self.emb.weight

    def forward(self, ids):
        x = self.emb(ids)
        h = self.start.unsqueeze(0).repeat(ids.shape[0], 1)
        out = []
        for t in range(ids.shape[1]):
            h = torch.tanh(torch.addmm(self.inp(x[:, t]), h, self.rec))
            out.append(self.decoder(self.proj(h)))
        return torch.stack(out, dim=1)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: GAMMA ** (step // STEP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X[:, :-1])
    loss = F.cross_entropy(logits.flatten(0, 1), X[:, 1:].flatten(), ignore_index=PAD)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
