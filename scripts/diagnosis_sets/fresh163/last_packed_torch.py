"""Another port of last_numpy.py (correct): the padded batch packed with
pack_padded_sequence (enforce_sorted=False), the final hidden state h_n of nn.LSTM is
then each row's last valid state; a linear head, CrossEntropyLoss, clip_grad_norm_, Adam."""

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence


class LSTMLast(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_classes=3):
        super().__init__()
        self.lstm = nn.LSTM(input_size=n_in, hidden_size=hidden, num_layers=1, batch_first=True)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, X):
        lengths = X[..., -1].sum(-1).to(torch.int64).cpu()
        packed = pack_padded_sequence(X[..., :-1], lengths, batch_first=True, enforce_sorted=False)
        _, (h_n, _) = self.lstm(packed)
        return self.head(h_n[-1])


criterion = nn.CrossEntropyLoss()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = criterion(model(X), y.to(torch.long))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.1)
    optimizer.step()
    return float(loss.detach())
