"""HingeTagger in PyTorch: a ReLU MLP (two nn.Linear) for the emissions, the transitions and the
start and end scores as nn.Parameters. The loss-augmented Viterbi runs under torch.no_grad();
the structured hinge score(yhat) + hamming - score(y), averaged over the rows, is differentiated
by autograd. clip_grad_norm_, torch.optim.Adagrad with weight_decay on the transitions' group."""

import torch
import torch.nn.functional as F
from torch import nn

T, D, K, H = 5, 4, 3, 6
LR, WD, MAX_NORM = 0.05, 0.02, 0.5


class HingeTagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.fc2 = nn.Linear(H, K)
        self.trans = nn.Parameter(torch.zeros(K, K))
        self.start = nn.Parameter(torch.zeros(K))
        self.end = nn.Parameter(torch.zeros(K))

    def forward(self, X):
        x = X.reshape(X.shape[0], T, D)
        return self.fc2(F.relu(self.fc1(x)))

    @torch.no_grad()
    def viterbi(self, S):
        delta = self.start + S[:, 0]
        back = []
        for t in range(1, T):
            cand = delta.unsqueeze(2) + self.trans
            best, idx = cand.max(dim=1)
            back.append(idx)
            delta = best + S[:, t]
        last = (delta + self.end).argmax(dim=1)
        path = [last]
        for idx in reversed(back):
            last = idx.gather(1, last.unsqueeze(1)).squeeze(1)
            path.append(last)
        return torch.stack(path[::-1], dim=1)

    def path_score(self, E, path):
        return (self.start[path[:, 0]] + E.gather(2, path.unsqueeze(2)).squeeze(2).sum(dim=1)
                + self.trans[path[:, :-1], path[:, 1:]].sum(dim=1) + self.end[path[:, -1]])


def make_optimizer(model):
    others = [p for name, p in model.named_parameters() if name != "trans"]
    return torch.optim.Adagrad([
        {"params": others},
        {"params": [model.trans], "weight_decay": WD},
    ], lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    E = model(X)
    cost = 1.0 - F.one_hot(y, K).to(E.dtype)
    yhat = model.viterbi(E.detach() + cost)
    hamming = (yhat != y).sum(dim=1).to(E.dtype)
    loss = (model.path_score(E, yhat) + hamming - model.path_score(E, y)).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
