"""One hundred and fifty-first fresh held-out set for the diagnosis: one planted bug per program in
fresh151/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is an encoder-decoder with
cross-attention written by hand: a small encoder over a right-padded source sequence and a decoder
trained with teacher forcing (input BOS then the target shifted right) that attends to the encoder
states through additive (Bahdanau) or scaled dot-product attention with a padding mask over the
source positions, and cross entropy over the target positions with the padding ignored.

The base programs (data from fresh151/make_data.py, fixed seed, nothing random while training;
token 0 is padding, target token 1 is BOS):

    rnn_numpy.py:AttnSeq2Seq / rnn_torch.py:AttnSeq2Seq, rnn.npz X int64 (24, 5) source ids,
    y int64 (24, 4) target ids
        embeddings E_src (8, 4), E_tgt (8, 4); tanh-RNN encoder (Wxe, Whe, be); decoder state
        s_0 = the encoder state at the last real source position (length - 1); tanh-RNN decoder
        (Wxd, Whd, bd); additive attention e = tanh(s_t Wq + h_s Wk) va with padded source
        positions set to -1e9, softmax over the source; logits = [s_t, c_t] Wo + bo. Cross
        entropy averaged over the real target tokens (F.cross_entropy(ignore_index=0)). Global
        L2 gradient clipping at 0.5 then Adam lr 0.01 (bias-corrected, as torch.optim.Adam).
        NumPy weights kept (in, out) in a dict; the port uses nn.Embedding / nn.Linear with a
        hand-written loop over time steps.
    dot_numpy.py:DotAttnSeq2Seq / dot_torch.py:DotAttnSeq2Seq, dot.npz X int64 (20, 6),
    y int64 (20, 5)
        embeddings plus learned positional tables (Es, Pe, Et, Pd); position-wise tanh encoder
        and decoder layers; scaled dot-product cross-attention Q = Hd Wq, K = He Wk, V = He Wv,
        scores / sqrt(4) with padded source positions masked (-1e9), softmax over the source;
        residual O = Hd + A V; logits = O Wout + bout. Token cross entropy summed over the real
        target tokens and divided by the batch size N. SGD lr 0.2, momentum 0.9, weight decay
        1e-3 coupled (in the gradient, as torch.optim.SGD), StepLR(step_size=8, gamma=0.5).
        NumPy weights are attributes kept (out, in) as nn.Linear.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh151_cases

Each case:
    id          short name (prefixed TU)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh151/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def rnn(numpy="rnn_numpy.py", port="rnn_torch.py"):
    return [F + numpy + ":AttnSeq2Seq", "--torch", F + port + ":AttnSeq2Seq",
            "--data", F + "rnn.npz", "--as-written",
            "--param", "params['E_src']=src_emb.weight",
            "--param", "params['E_tgt']=tgt_emb.weight",
            "--param", "params['Wxe']=enc_in.weight.T",
            "--param", "params['Whe']=enc_rec.weight.T",
            "--param", "params['be']=enc_in.bias",
            "--param", "params['Wxd']=dec_in.weight.T",
            "--param", "params['Whd']=dec_rec.weight.T",
            "--param", "params['bd']=dec_in.bias",
            "--param", "params['Wq']=att_q.weight.T",
            "--param", "params['Wk']=att_k.weight.T",
            "--param", "params['va']=att_v.weight.T",
            "--param", "params['Wo']=out.weight.T",
            "--param", "params['bo']=out.bias", *RUN]


def dot(numpy="dot_numpy.py", port="dot_torch.py"):
    return [F + numpy + ":DotAttnSeq2Seq", "--torch", F + port + ":DotAttnSeq2Seq",
            "--data", F + "dot.npz", "--as-written",
            "--param", "Es=src_emb.weight",
            "--param", "Pe=pos_src",
            "--param", "Et=tgt_emb.weight",
            "--param", "Pd=pos_tgt",
            "--param", "We=enc.weight",
            "--param", "be=enc.bias",
            "--param", "Wd=dec.weight",
            "--param", "bd=dec.bias",
            "--param", "Wq=q.weight",
            "--param", "Wk=k.weight",
            "--param", "Wv=v.weight",
            "--param", "Wout=out.weight",
            "--param", "bout=out.bias", *RUN]


def dot_loop():
    return [F + "dot_loop_numpy.py:DotAttnLoop", "--torch", F + "dot_torch.py:DotAttnSeq2Seq",
            "--data", F + "dot.npz", "--as-written",
            "--param", "p['Es']=src_emb.weight",
            "--param", "p['Pe']=pos_src",
            "--param", "p['Et']=tgt_emb.weight",
            "--param", "p['Pd']=pos_tgt",
            "--param", "p['We']=enc.weight.T",
            "--param", "p['be']=enc.bias",
            "--param", "p['Wd']=dec.weight.T",
            "--param", "p['bd']=dec.bias",
            "--param", "p['Wq']=q.weight.T",
            "--param", "p['Wk']=k.weight.T",
            "--param", "p['Wv']=v.weight.T",
            "--param", "p['Wout']=out.weight.T",
            "--param", "p['bout']=out.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "TU01", "side": "port", "args": rnn(port="01_lastpad_port.py"),
     "mechanism": "decoder initial state taken from enc[:, -1], the encoder state after the "
                  "padding, instead of the state at each sequence's last real position (length - 1)",
     "expected": ("last", "length", "padding", "final state", "initial state", "enc[:, -1]")},
    {"id": "TU02", "side": "port", "args": rnn(port="02_ignoreidx_port.py"),
     "mechanism": "F.cross_entropy without ignore_index=0: the padded target positions count as "
                  "targets of class 0 and the mean runs over all N*T positions",
     "expected": ("ignore_index", "ignore", "padding", "pad", "target mask")},
    {"id": "TU03", "side": "port", "args": rnn(port="03_softmaxdim_port.py"),
     "mechanism": "attention scores kept (N, S, 1) from nn.Linear(a, 1) and softmaxed over the "
                  "last (size-one) dim: every weight is 1, the context is the sum of all encoder "
                  "states, padded ones included",
     "expected": ("softmax", "dim", "axis", "attention weights", "size-one", "squeeze")},
    {"id": "TU04", "side": "port", "args": rnn(port="04_noshift_port.py"),
     "mechanism": "teacher forcing without the shift: the decoder is fed the target y itself "
                  "instead of BOS followed by y[:, :-1]",
     "expected": ("shift", "teacher forcing", "bos", "decoder input", "y[:, :-1]")},
    {"id": "TU05", "side": "port", "args": dot(port="05_maskinvert_port.py"),
     "mechanism": "padding mask inverted: masked_fill(X != PAD, -1e9) hides the real source "
                  "positions and attends to the padding",
     "expected": ("mask", "inverted", "padding", "masked_fill", "source positions")},
    {"id": "TU06", "side": "port", "args": dot(port="06_noscale_port.py"),
     "mechanism": "attention scores not divided by sqrt(d_k) (= 2): the scaling of scaled "
                  "dot-product attention left out",
     "expected": ("sqrt", "d_k", "scale", "scaling", "temperature")},
    {"id": "TU07", "side": "port", "args": dot(port="07_meanreduce_port.py"),
     "mechanism": "F.cross_entropy(ignore_index=0) with the default mean reduction (divided by "
                  "the number of real target tokens) where the NumPy loss sums and divides by N",
     "expected": ("reduction", "mean", "sum", "token count", "batch size")},
    {"id": "TU08", "side": "port", "args": dot(port="08_steplrgamma_port.py"),
     "mechanism": "StepLR(step_size=8) with gamma left at its default 0.1 where the NumPy "
                  "schedule halves the learning rate (gamma 0.5): steps 9-20 have the wrong lr",
     "expected": ("gamma", "steplr", "schedule", "learning rate", "0.1")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TU09", "side": "numpy", "args": rnn(numpy="09_embadd_numpy.py"),
     "mechanism": "embedding gradients scattered with buffered fancy indexing g[X] += dx instead "
                  "of np.add.at: a token repeated in the batch keeps only one contribution",
     "expected": ("add.at", "np.add.at", "repeated", "duplicate", "scatter", "embedding")},
    {"id": "TU10", "side": "numpy", "args": rnn(numpy="10_softmaxgrad_numpy.py"),
     "mechanism": "attention softmax backward as alpha * dalpha, the -sum(alpha * dalpha) term "
                  "of the softmax Jacobian left out",
     "expected": ("softmax", "jacobian", "attention", "alpha", "sum")},
    {"id": "TU11", "side": "numpy", "args": rnn(numpy="11_bridge_numpy.py"),
     "mechanism": "the gradient reaching the decoder's initial state s_0 is not passed back to "
                  "the encoder state it was taken from (the bridge left out of backprop)",
     "expected": ("initial state", "s_0", "bridge", "encoder", "decoder")},
    {"id": "TU12", "side": "numpy", "args": rnn(numpy="12_clipnorm_numpy.py"),
     "mechanism": "clipping norm computed as the sum of per-tensor L2 norms instead of the L2 "
                  "norm of all gradients together: clipping triggers too often and too hard",
     "expected": ("clip", "norm", "global", "clip_grad_norm", "total norm")},
    {"id": "TU13", "side": "numpy", "args": dot(numpy="13_scalegrad_numpy.py"),
     "mechanism": "the 1/sqrt(d_k) score scaling applied in the forward pass but left out of "
                  "the backward: gradients of Wq, Wk and below twice too large",
     "expected": ("sqrt", "d_k", "scale", "scaling", "scores")},
    {"id": "TU14", "side": "numpy", "args": dot(numpy="14_residual_numpy.py"),
     "mechanism": "the residual connection O = Hd + C left out of the backward: Hd receives only "
                  "the gradient through the query, not the identity path",
     "expected": ("residual", "skip", "identity", "hd")},
    {"id": "TU15", "side": "numpy", "args": dot(numpy="15_posgrad_numpy.py"),
     "mechanism": "positional-embedding gradients averaged over the batch (mean(axis=0)) "
                  "instead of summed: Pe and Pd gradients N = 20 times too small",
     "expected": ("positional", "mean", "sum", "batch", "pe", "pd")},
    {"id": "TU16", "side": "numpy", "args": dot(numpy="16_decayoutside_numpy.py"),
     "mechanism": "weight decay added to the update after the momentum buffer "
                  "(w -= lr * (v + wd * w)) instead of into the gradient before it, as "
                  "torch.optim.SGD does",
     "expected": ("weight decay", "weight_decay", "momentum", "coupled", "buffer")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TU17", "side": "correct", "args": rnn(numpy="rnn_alt_numpy.py"),
     "mechanism": "correct: masked softmax by multiplying exp with the mask, attention by einsum, "
                  "embedding gradients by one-hot matmuls, Adam in torch's algebraic form",
     "expected": ()},
    {"id": "TU18", "side": "correct", "args": dot(port="dot_alt_torch.py"),
     "mechanism": "correct: port with einsum attention, -inf masking, loss by log_softmax + "
                  "gather + float mask summed / N, LambdaLR 0.5 ** (epoch // 8) for StepLR",
     "expected": ()},
    {"id": "TU19", "side": "correct", "args": dot_loop(),
     "mechanism": "correct: NumPy program with weights kept (in, out) in a dict and the "
                  "attention forward and backward looped over the sequences, the padded source "
                  "positions cut off instead of masked",
     "expected": ()},
]
