"""Another port of mean_numpy.py (correct): nn.LSTM run on chunks of TBPTT steps, the
(h, c) state handed to the next chunk detached; masked mean of the outputs over the
valid steps, linear head, BCEWithLogitsLoss, clip_grad_value_, RMSprop(alpha=0.9)."""

import torch
from torch import nn

TBPTT = 4


class LSTMMeanChunks(nn.Module):
    def __init__(self, n_in=3, hidden=6):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, 1)

    def forward(self, X):
        x, mask = X[..., :-1], X[..., -1:]
        state = None
        outs = []
        for start in range(0, x.shape[1], TBPTT):
            if state is not None:
                state = tuple(s.detach() for s in state)
            out, state = self.lstm(x[:, start:start + TBPTT], state)
            outs.append(out)
        out = torch.cat(outs, dim=1)                                   # (N, T, H)
        pooled = (out * mask).sum(dim=1) / mask.sum(dim=1)
        return self.fc(pooled)[:, 0]


loss_fn = nn.BCEWithLogitsLoss()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=5e-3, alpha=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y.to(X.dtype))
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), clip_value=0.01)
    optimizer.step()
    return loss.item()
