"""EpisodeReinforce in PyTorch: the same softmax policy, returns-to-go with a mean baseline,
log pi(a_t | s_t) from torch.distributions.Categorical, SGD at LR."""

import torch
from torch import nn
from torch.distributions import Categorical

GAMMA = 0.9
LR = 0.1


class EpisodeReinforce(nn.Module):
    def __init__(self, n_state=4, hidden=16, n_actions=3):
        super().__init__()
        self.hidden = nn.Linear(n_state, hidden)
        self.policy = nn.Linear(hidden, n_actions)

    def forward(self, s):
        return self.policy(torch.tanh(self.hidden(s)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def discounted_returns(rewards):
    returns = torch.zeros_like(rewards)
    G = torch.zeros_like(rewards[:, 0])
    for t in range(rewards.shape[1]):  # fix: for t in reversed(range(rewards.shape[1])):
        G = rewards[:, t] + GAMMA * G
        returns[:, t] = G
    return returns


def train_step(model, optimizer, X, y):
    actions, rewards = y[..., 0].long(), y[..., 1]
    returns = discounted_returns(rewards)
    adv = returns - returns.mean()
    log_pi = Categorical(logits=model(X)).log_prob(actions)
    loss = -(adv * log_pi).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
