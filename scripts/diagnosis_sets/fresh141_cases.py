"""Hundred-and-forty-first fresh held-out set for the diagnosis: one planted bug per program in
fresh141/, written blind (without reading the kit's diagnosis rules, findings or
any other set), each a copy of its base program with one small change. The theme
is weight sharing and tied weights written by hand.

The base programs (data written by fresh141/make_data.py, fixed seed; every random
quantity is data):

  tied_ae_numpy.py:TiedAutoencoder / tied_ae_torch.py:TiedAutoencoder, data ae.npz
      A denoising autoencoder with tied weights: h = sigmoid(X @ W + b_enc),
      out = h @ W.T + b_dec, one matrix W (12, 5) used by the encoder and,
      transposed, by the decoder; X (64, 12) is the clean y times a fixed
      Bernoulli(0.8) mask. Loss: mean squared error over every element. The NumPy
      backward sums the encoder's X.T @ dpre and the decoder's dout.T @ h into
      grads['W']. SGD with heavy-ball momentum 0.9, lr 0.5 (velocity dict). The
      port's decoder is F.linear(h, self.enc.weight.t(), self.b_dec) on the
      encoder's nn.Linear, F.mse_loss, torch.optim.SGD(momentum=0.9).

  tied_lm_numpy.py:TiedLM / tied_lm_torch.py:TiedLM, data lm.npz
      A next-token language model over 16 integer token ids with tied input and
      output embeddings: the two previous ids look up rows of E (16, 8),
      concatenated -> tanh(x @ W1 + b1) of width 8 -> logits = h @ E.T + b_out ->
      softmax cross-entropy averaged over the 96 rows. grads['E'] is the np.add.at
      scatter of the input rows plus dlogits.T @ h. Adam lr 0.02 written by hand
      (m, v, t) as torch.optim.Adam. The port: nn.Embedding, nn.Linear, an
      out_bias parameter, logits F.linear(h, self.emb.weight, self.out_bias),
      F.cross_entropy, torch.optim.Adam.

  shared_block_numpy.py:SharedResidualNet / shared_block_torch.py:SharedResidualNet, data shared.npz
      An ALBERT-style residual MLP whose block is shared across depth:
      h0 = X @ W_in + b_in; h_{k+1} = h_k + tanh(h_k @ W_s + b_s) applied twice
      with the same W_s (8, 8), b_s; out = h2 @ W_out + b_out (2 outputs); loss
      0.5 * squared error summed over outputs, mean over the 64 rows. The NumPy
      backward sums the block's gradients over both applications, each with the
      input that application saw, and carries dh through the residual path. SGD
      lr 0.1 with L2 weight decay 1e-3 added to the gradient and the t-th update
      at lr * 0.95 ** t. The port calls the same nn.Linear `block` twice,
      torch.optim.SGD(weight_decay=1e-3) with ExponentialLR(0.95) stepped after
      optimizer.step().

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh141_cases

Each case:
    id          short name (prefixed TK)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a
                "port" case is a buggy port checked against the correct NumPy base, a "numpy"
                case a buggy NumPy program checked against the correct port, a "correct" case
                a correct variant checked against the other side's base; all run
                --as-written, --steps 20 --dtype float32 --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings, its measurements, its tests
or any other held-out set; validated by exit status alone (each buggy program exits 1 and
its fixed copy 0 under the same arguments; each correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh141/"

COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

AE_PARAMS = ["--data", F + "ae.npz",
             "--param", "params['W']=enc.weight.T",
             "--param", "params['b_enc']=enc.bias",
             "--param", "params['b_dec']=b_dec"]
LM_PARAMS = ["--data", F + "lm.npz",
             "--param", "params['E']=emb.weight",
             "--param", "params['W1']=hidden.weight.T",
             "--param", "params['b1']=hidden.bias",
             "--param", "params['b_out']=out_bias"]
SH_PARAMS = ["--data", F + "shared.npz",
             "--param", "params['W_in']=inp.weight.T",
             "--param", "params['b_in']=inp.bias",
             "--param", "params['W_s']=block.weight.T",
             "--param", "params['b_s']=block.bias",
             "--param", "params['W_out']=out.weight.T",
             "--param", "params['b_out']=out.bias"]

AE_NUMPY = F + "tied_ae_numpy.py:TiedAutoencoder"
LM_NUMPY = F + "tied_lm_numpy.py:TiedLM"
SH_NUMPY = F + "shared_block_numpy.py:SharedResidualNet"


def ae_port(file):
    return [AE_NUMPY, "--torch", F + file + ":TiedAutoencoder"] + AE_PARAMS + COMMON


def ae_numpy(file):
    return [F + file + ":TiedAutoencoder", "--torch", F + "tied_ae_torch.py:TiedAutoencoder"] + AE_PARAMS + COMMON


def lm_port(file):
    return [LM_NUMPY, "--torch", F + file + ":TiedLM"] + LM_PARAMS + COMMON


def lm_numpy(file):
    return [F + file + ":TiedLM", "--torch", F + "tied_lm_torch.py:TiedLM"] + LM_PARAMS + COMMON


def sh_port(file):
    return [SH_NUMPY, "--torch", F + file + ":SharedResidualNet"] + SH_PARAMS + COMMON


def sh_numpy(file):
    return [F + file + ":SharedResidualNet", "--torch", F + "shared_block_torch.py:SharedResidualNet"] + SH_PARAMS + COMMON


CASES = [
    # ---------------------------------------------------------------- buggy ports
    {"id": "TK01", "side": "port", "args": ae_port("01_ae_detach_port.py"),
     "mechanism": "the tied decoder uses self.enc.weight.t().detach(), so the decoder's use of the shared weight sends no gradient into enc.weight (only the encoder's term remains)",
     "expected": ("detach", "decoder", "tied", "shared weight", "transpose")},
    {"id": "TK02", "side": "port", "args": ae_port("02_ae_nesterov_port.py"),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses plain heavy-ball momentum",
     "expected": ("nesterov", "momentum", "look-ahead", "lookahead")},
    {"id": "TK03", "side": "port", "args": lm_port("03_lm_sumloss_port.py"),
     "mechanism": "F.cross_entropy(..., reduction='sum') where the NumPy program averages the cross-entropy over the batch (loss and gradients N times larger)",
     "expected": ("reduction", "sum", "mean", "batch size", "average")},
    {"id": "TK04", "side": "port", "args": lm_port("04_lm_embscale_port.py"),
     "mechanism": "the looked-up input embeddings are multiplied by sqrt(n_embd) (a transformer habit) in the port only, a wrong constant scale on the input path of the tied table",
     "expected": ("sqrt", "scale", "embedding", "factor", "constant")},
    {"id": "TK05", "side": "port", "args": lm_port("05_lm_adamw_port.py"),
     "mechanism": "torch.optim.AdamW instead of Adam: its default weight_decay=0.01 shrinks every parameter by lr * 0.01 * p each step, which the NumPy Adam does not",
     "expected": ("weight decay", "adamw", "decoupled", "decay")},
    {"id": "TK06", "side": "port", "args": sh_port("06_shared_noresidual_port.py"),
     "mechanism": "the shared block is applied as h = tanh(block(h)), the residual (skip) connection h + ... left out of the port's forward",
     "expected": ("residual", "skip", "identity", "h +")},
    {"id": "TK07", "side": "port", "args": sh_port("07_shared_depth_port.py"),
     "mechanism": "the port's default depth is 3, so the shared block is applied three times instead of twice",
     "expected": ("depth", "three times", "applied", "applications", "number of")},
    {"id": "TK08", "side": "port", "args": sh_port("08_shared_schedorder_port.py"),
     "mechanism": "scheduler.step() called before optimizer.step(), so every update uses the next step's learning rate lr * 0.95 ** (t + 1)",
     "expected": ("schedule", "scheduler", "order", "learning rate", "gamma")},
    # ---------------------------------------------------------------- buggy NumPy programs
    {"id": "TK09", "side": "numpy", "args": ae_numpy("09_ae_untied_grad_numpy.py"),
     "mechanism": "grads['W'] keeps only the encoder's contribution X.T @ dpre; the decoder's dout.T @ h from the transposed use of the tied weight is dropped",
     "expected": ("tied", "decoder", "shared", "transpose", "both uses")},
    {"id": "TK10", "side": "numpy", "args": ae_numpy("10_ae_momentum_order_numpy.py"),
     "mechanism": "the momentum update is in the wrong order: the weight moves by the old velocity before the velocity takes this step's gradient (a stale, one-step-late velocity)",
     "expected": ("momentum", "velocity", "order", "stale", "before")},
    {"id": "TK11", "side": "numpy", "args": ae_numpy("11_ae_mse_scale_numpy.py"),
     "mechanism": "the MSE gradient divides by the number of rows N instead of by every element N * n_in, so every gradient is n_in = 12 times too large for the loss it reports",
     "expected": ("mean", "normaliz", "factor", "12", "number of elements")},
    {"id": "TK12", "side": "numpy", "args": lm_numpy("12_lm_softmax_axis_numpy.py"),
     "mechanism": "the log-softmax normalizes over axis 0 (the batch) instead of axis 1 (the vocabulary)",
     "expected": ("axis", "softmax", "normaliz", "batch")},
    {"id": "TK13", "side": "numpy", "args": lm_numpy("13_lm_scatter_numpy.py"),
     "mechanism": "the input embedding gradient is scattered with dE_in[X] += demb (buffered fancy indexing), so a token id repeated in the batch keeps one row's gradient instead of the sum; np.add.at is needed",
     "expected": ("repeated", "duplicate", "add.at", "scatter", "index")},
    {"id": "TK14", "side": "numpy", "args": lm_numpy("14_lm_biascorr_numpy.py"),
     "mechanism": "Adam's second-moment bias correction is left out of the denominator (sqrt(v) instead of sqrt(v / (1 - beta2 ** t)))",
     "expected": ("bias correction", "bias-correction", "second moment", "beta2", "exp_avg_sq")},
    {"id": "TK15", "side": "numpy", "args": sh_numpy("15_shared_cache_numpy.py"),
     "mechanism": "the shared block's weight gradient is taken for both applications with the final hidden state h2 instead of the input each application saw (h1, then h0): the wrong cached activation",
     "expected": ("cache", "input", "each application", "activation", "h_in")},
    {"id": "TK16", "side": "numpy", "args": sh_numpy("16_shared_residual_grad_numpy.py"),
     "mechanism": "the backward through each block application drops the residual path: dh = dpre @ W_s.T instead of dh + dpre @ W_s.T",
     "expected": ("residual", "skip", "identity", "dh +")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TK17", "side": "correct",
     "args": [F + "17_ae_decoder_layout_numpy.py:TiedAutoencoderT", "--torch", F + "tied_ae_torch.py:TiedAutoencoder",
              "--data", F + "ae.npz", "--param", "W=enc.weight", "--param", "b_enc=enc.bias",
              "--param", "b_dec=b_dec"] + COMMON,
     "mechanism": "correct: the tied matrix kept (n_hidden, n_in) as attributes, encoder X @ W.T, decoder h @ W, momentum buffers updated in place",
     "expected": ()},
    {"id": "TK18", "side": "correct",
     "args": [LM_NUMPY, "--torch", F + "18_lm_tied_linear_port.py:TiedLMLinear",
              "--data", F + "lm.npz", "--param", "params['E']=emb.weight",
              "--param", "params['W1']=hidden.weight.T", "--param", "params['b1']=hidden.bias",
              "--param", "params['b_out']=out.bias"] + COMMON,
     "mechanism": "correct: tied by assigning self.out.weight = self.emb.weight, one parameter listed once",
     "expected": ()},
    {"id": "TK19", "side": "correct",
     "args": [SH_NUMPY, "--torch", F + "19_shared_manual_port.py:SharedResidualPlain",
              "--data", F + "shared.npz", "--param", "params['W_in']=W_in", "--param", "params['b_in']=b_in",
              "--param", "params['W_s']=W_s", "--param", "params['b_s']=b_s",
              "--param", "params['W_out']=W_out", "--param", "params['b_out']=b_out"] + COMMON,
     "mechanism": "correct: plain nn.Parameters in NumPy layout, the shared pair used in a loop, a hand-written SGD + weight decay + exponential decay update",
     "expected": ()},
]
